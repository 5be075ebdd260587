// Package lostsignal defines an Analyzer that reports calls and statements
// that drop the only way to wait for, or stop, a goroutine.
//
// # Analyzer lostsignal
//
// lostsignal: report dropped handles on goroutines and processes
//
// A function that starts a goroutine often hands back the one thing that
// can wait for it or end it: the channel it delivers its result on, a stop
// function, a group's Wait, a command's Wait. Code that drops that handle
// abandons the goroutine: it blocks forever, or runs on unobserved after
// its caller has returned, its result and errors lost. lostsignal reports
// the place where the handle is dropped, names the call and the goroutine,
// and gives related positions for the go statement (and the make of the
// channel, and the return that is reached without the handle).
//
// Discarded result channels (category discardedchan). A function returns a
// channel that a goroutine it starts sends on, and nothing else can receive
// from. A caller that discards the result, or receives from it only on some
// paths, leaves the goroutine blocked on its send forever:
//
//	func lookup(name string) <-chan string {
//		answer := make(chan string)
//		go func() { answer <- resolve(name) }()
//		return answer
//	}
//
//	lookup("example.org") // the channel returned by lookup is discarded, ...
//
//	r := lookup(name)     // ... not received from on the path that returns at line N
//	if cached { return c }
//	return <-r
//
// The sends must be able to block: the channel is unbuffered, or every run
// of the goroutine sends more values than its buffer holds. A goroutine
// that only closes the channel (a done channel), that sends no more values
// than fit in the buffer, or that sends in a select with another way out
// (such as <-ctx.Done()) ends on its own: dropping the channel only loses
// the notice, which real code does on purpose (fire and forget, with the
// channel kept for tests), so nothing is reported. "Not received on some
// path" is reported for a goroutine that sends once; for goroutines that
// send several values on an unbuffered channel it is reported when every
// run of them sends a known number at least (sends outside loops that
// every run passes, in goroutines started by the function) and some path
// of the caller receives fewer, all its receives being outside loops:
//
//	errs := probes(a, b) // the 2 goroutines probes starts send at least 2 values ..., but on the path that returns at line N only 1 is received
//	if err := <-errs; err != nil {
//		return err
//	}
//	return <-errs
//
// Otherwise the number of receives that would release them is not known.
//
// A stream left early. When the goroutine sends a stream of values on an
// unbuffered channel (in a loop, or in sequence, or several goroutines each
// sending), so that after any value it may have another to send, a caller
// that receives in a loop ending when the channel is closed (a range loop,
// a comma-ok receive deciding a branch, a select case in a loop) and can
// leave that loop by a break or return, or by another case of the select
// (<-ctx.Done(), a timeout), without receiving again or draining the
// channel, leaves the goroutine blocked on its next send:
//
//	for line := range lines(doc) { // the loop ... stops receiving from the channel returned by lines before it is closed, ...
//		if strings.HasPrefix(line, "# ") {
//			return line
//		}
//	}
//
// The message names the loop, the path out of it and the goroutine. A
// goroutine that selects on its send with another way out (a done channel,
// ctx.Done()), a buffer that holds every value, a drain after the loop,
// and a fixed number of plain receives keep it silent. The goroutine is
// blocked only if it had more to send when the loop was left: a loop that
// breaks exactly at the last value does not leak, which the analysis
// cannot tell from the break's condition.
//
// The channel may be made by a generic function or a method, in this
// package or another one: for exported functions the summary travels as a
// Handles fact.
//
// Never-waited groups (category nowait). An errgroup.Group
// (golang.org/x/sync/errgroup) or a sync.WaitGroup that starts goroutines
// (Group.Go, Group.TryGo, WaitGroup.Go, or WaitGroup.Add followed by a go
// statement that uses the group) must be waited for. When a return of the
// function that owns the group is reachable from the start without passing
// its Wait, the goroutines outlive the function; for an errgroup their
// errors are lost as well:
//
//	var g errgroup.Group
//	for _, f := range files {
//		if f == "" {
//			return errEmpty // g.Wait is not called on the path that returns here
//		}
//		g.Go(func() error { return convert(f) })
//	}
//	return g.Wait()
//
// The search follows the SSA control-flow graph; a call of a function of
// this package that waits for the group counts as a wait, and the branch
// taken when TryGo reports false starts nothing. Only a return that no
// waiting path also reaches is reported (an early return between the
// spawn and the Wait): when the path that skips the Wait merely skips a
// conditional Wait ("if !waited { wg.Wait() }") and goes on to the return
// the waiting paths use, whether its condition can really be false there
// depends on other conditions the analysis does not relate, and it stays
// silent. The same rule applies to exec.Cmd below.
//
// exec.Cmd.Start without Wait (category cmdwait). A process started by
// (*exec.Cmd).Start is reaped only by Wait (or by Wait on cmd.Process);
// until then it is a zombie, and the goroutines that copy its standard
// input and output (for writers and readers that are not files) never end.
// lostsignal reports a Start from which a return is reachable without Wait.
// The branch taken when Start returns an error starts nothing; killing or
// signalling the process does not reap it. A &exec.Cmd{} literal without a
// Path is not followed: its Start always fails. A child meant to outlive
// the function is still reaped by "go cmd.Wait()", and
// cmd.Process.Release() says it is not to be waited for; either silences
// the report.
//
// Stop functions thrown away (category discardedstop). A function starts a
// goroutine that can end only once a channel is closed or a context is
// cancelled, and returns the function that closes or cancels it (a stop,
// cancel or close function): calling it is the only way to end the
// goroutine. A caller that discards it, or calls it only on some paths,
// leaves the goroutine running forever:
//
//	func startTailer(lines <-chan string) (stop func()) {
//		done := make(chan struct{})
//		go func() {
//			for {
//				select {
//				case <-done:
//					return
//				case l := <-lines:
//					tail(l)
//				}
//			}
//		}()
//		return func() { close(done) }
//	}
//
//	startTailer(lines) // the stop function returned by startTailer is discarded, ...
//
// "Only way" is checked on the goroutine's control-flow graph: every path
// to its end must first receive from the channel (or from the context's
// Done channel). A context counts only when it derives from
// context.Background or context.TODO through context.WithCancel or
// WithCancelCause: a context derived from the caller's can be cancelled by
// the caller too. This generalises vet's lostcancel across functions and
// packages; functions of package context itself are left to lostcancel.
//
// Cancel functions kept in a struct nobody keeps (category cancelfield).
// The same protocol with the cancel function in a field: a function makes
// a struct, keeps a context.WithCancel context derived from
// context.Background or context.TODO and its cancel function in two of its
// fields, and starts a goroutine that can end only once that context is
// done; but the struct goes nowhere the function does not see, so once it
// returns nothing can call the cancel function:
//
//	func open(ping func()) error {
//		s := &session{}
//		s.ctx, s.cancel = context.WithCancel(context.Background())
//		go s.keepalive(ping) // keepalive returns only on <-s.ctx.Done()
//		return nil           // nobody can reach s.Close
//	}
//
// The struct is followed into the functions and methods of the package it
// is passed to (the goroutine's among them, and those that start the
// goroutine for the maker): they may write its fields and read any of
// them but the cancel function. The finding is at the
// goroutine's receive from Done, with related positions at the store of
// the cancel function and the go statement. It stays silent when the
// struct is returned, stored, converted, captured by a closure (a known
// false negative), or handed to a function of another package or through
// an interface; when anything it reaches reads the cancel field (a Close
// method called, a deferred cancel, a goroutine that cancels itself); and
// when the goroutine has another way out. A cancel function kept in a
// local variable and never called is vet's lostcancel.
//
// Tickers before Go 1.23 (category timer). Until Go 1.23 a time.Ticker that
// is not stopped is never garbage collected, and neither is the one
// time.Tick makes. In files whose Go version is older than go1.23
// (types.Info.FileVersions: the module's go line, or a //go:build go1.22
// constraint), lostsignal reports a ticker made by time.NewTicker that is
// not stopped on some path to a return of the function that owns it, and a
// call of time.Tick in a function that can return. Since Go 1.23
// unreferenced tickers are collected, so newer files get no report. (At run
// time, the old behaviour is the one of a program whose main module
// declares a go version before 1.23, through GODEBUG asynctimerchan=1.)
// Unstopped timers from time.NewTimer and time.After are not reported: they
// are freed once they fire.
//
// What is not reported. Escape means silence: when a handle reaches code
// the analyzer does not follow (it is stored in a field, a global or a
// container, converted to an interface, returned, passed to a function of
// another package or to a function value, or captured by a closure other
// than the ones modelled), that code may wait for it, and nothing is
// reported. In particular:
//
//   - a handle stored in a struct and waited for in a Close method, or
//     returned to the caller, or passed to a function that waits for it;
//   - a group waited for with a deferred Wait, or by another goroutine
//     (go func() { wg.Wait(); close(results) }()), or in a closure;
//   - a group, command or ticker that is a struct field rather than a
//     local variable;
//   - calls through interfaces and function values: which function runs
//     is unknown;
//   - handles dropped in main.main, in init functions and in closures
//     inside them: what they start is meant to live as long as the
//     process;
//   - a goroutine that rangeclose reports as never ending (its range over
//     a channel that is never closed): taking its handle would not let it
//     finish, so that leak is rangeclose's, and gets one diagnostic.
//
// Known false negatives: a caller that receives from a multi-send
// goroutine in a counted loop and then gives up; a starter whose goroutine sends
// through a helper of another package; a start inside a closure run by the
// owner (only the owner's own spawns are checked); a stop function that is
// one of several returned closures sharing the channel; and any handle that
// escapes.
//
// A goroutine blocked inside a function whose caller gave up on it within
// one function (a local make, go statement and select on ctx.Done()) is
// goroutineexit's finding; lostsignal reports the cases where the handle
// crosses a function boundary and the caller drops it.
//
// Suggested fixes. One fix is offered: for a discarded or partly received
// result channel made in this package by make(chan T) and sent on exactly
// once, by one goroutine that does nothing after the send (no statement
// follows it and nothing is deferred), the fix gives the channel a buffer
// of one. The send then completes whether or not anyone receives; a caller
// that does receive gets the same value as before, and since the goroutine
// does nothing after sending, nothing it does happens earlier than it did.
//
// No other fix is offered, because none is provably right: adding a Wait
// (or a deferred Wait) to a group can deadlock or change how errors are
// handled; adding cmd.Wait can block on a child that never exits; calling a
// stop function, or stopping a ticker, at a return may end work the caller
// meant to keep running.
package lostsignal
