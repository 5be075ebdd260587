// Package goroutineexit defines an Analyzer that reports goroutines that
// can never finish.
//
// # Analyzer goroutineexit
//
// goroutineexit: report goroutines that block forever or never exit
//
// A goroutine that blocks forever on a channel operation, or loops with no
// way out, is never freed: its stack and everything it references stay in
// memory for the life of the process, once per call of the code that
// started it. The goroutineexit analyzer reports a go statement whose
// goroutine, on some path, can never finish because the code that could
// release it has gone.
//
// The forgotten sender. A goroutine sends its result on an unbuffered
// channel, and the function that started it stops listening on some path:
//
//	func fetch(ctx context.Context) (string, error) {
//		ch := make(chan string)
//		go func() {
//			ch <- slowCall() // goroutine blocks forever sending on ch: ...
//		}()
//		select {
//		case s := <-ch:
//			return s, nil
//		case <-ctx.Done():
//			return "", ctx.Err() // nothing receives from ch any more
//		}
//	}
//
// The same leak appears when the function returns early (an error check
// before the receive), when goroutines started in a loop all send on one
// channel while fewer values are received ("first result wins"), and when
// one goroutine sends more values than are received. The analyzer counts
// sends and receives along the paths of the control-flow graph: it reports
// when, on some path from the go statement to a return, more values are
// sent than are received plus the channel's capacity. The message names
// the path: the select case taken or the return reached.
//
// What it counts:
//
//   - sends that run one after the other in the goroutine's body, each
//     one (three sends and two receives leave the third blocked);
//   - select cases on their edges, not their blocks: go/ssa merges the
//     empty bodies of several cases ("case <-out:" next to
//     "case <-time.After(d):") into the block after the select;
//   - a channel made inside a loop lives one iteration: the next one
//     makes it anew, so a path that goes back to the make abandons it,
//     like a return. When an alias outlives the iteration (prev = ch, a
//     variable declared outside the loop, a field) the loop is unknown;
//   - a send in a loop guarded by "i < n" (a range over a slice, a string
//     or an integer, a counted for loop), once per iteration: with a
//     constant n (or an array's length) the count is exact; otherwise it
//     is known only at run time, and any path that stops receiving after
//     a bounded number of values, beyond the buffer, leaves the sender
//     blocked once the loop runs longer. A loop with no such guard (a
//     pipeline stage that sends once per value it is fed) is unknown;
//   - a receive that heads a loop left only when the channel is closed or
//     by an early return or break ("for v := range ch { if bad(v) {
//     return v } }"): once per iteration, and the whole channel on the way
//     out through the close;
//   - several go statements sending on one channel (one goroutine per
//     server, the first answer wins), when all start before any receive:
//     their values add up, and one of them blocks;
//   - a close by the sending goroutine itself, deferred or not: it cannot
//     run while its own send is blocked, so it releases nothing;
//   - a capacity given by a parameter of the maker: the smallest constant
//     a call in the package passes for it, named in the message;
//   - a receive in a counted loop ("for range hosts { if err := <-errc;
//     err != nil { return err } }"), or a receive case of a select there
//     that every iteration going on has taken (another case may return on
//     ctx.Done), once per iteration, and every value on leaving the loop
//     through its test, when the senders send exactly as many:
//     goroutines started one per iteration of a loop over the same n or
//     len(xs) (or a constant number of go statements), each sending once
//     on every path, or one goroutine sending on every iteration of such
//     a loop. An early return or break leaves the values not yet
//     received blocked;
//   - goroutines started one per iteration of a loop with a constant
//     count and no way out, each sending once on every path: their exact
//     number, not only "at least two";
//   - a capacity of len(xs) or n, less a constant d, against goroutines
//     started one per element of xs (or per i < n), or a loop over xs
//     that sends on every iteration: the buffer holds all but d values,
//     so a path that receives fewer than d leaves the last senders
//     blocked; len(xs) or n itself is always enough. Only the same value
//     (a variable assigned once counts as its value), or len of the same
//     one, counts as the same number. A three-clause loop whose variable
//     a func literal captures is not recognised as counted (go/ssa tests
//     a fresh variable per iteration): a documented false negative.
//
// A path that gives up through an early return whose condition reads a
// value that the goroutine also tests before its send ("if x == nil {
// return }" in both, an ok flag computed before the go statement) is not
// counted: on it the goroutine may send nothing. Another path that gives
// up is still reported.
//
// A suggested fix makes the channel buffered when that is provably
// enough: one goroutine sending one value gets make(chan T, 1), and
// goroutines started by a loop over a slice or up to a bound n get a
// capacity of len(slice) or n, when that expression is a local variable
// or parameter never assigned after the make and the loop runs once per
// make. A buffered send never blocks, so the goroutine finishes and its
// value is collected with the channel. (With a negative n the loop starts
// nothing and the original code hangs on its receive; the fixed code
// panics in make instead.)
//
// The abandoned receiver. A goroutine waits on a channel that the
// function that started it sends on, or closes, only on some paths:
//
//	done := make(chan struct{})
//	go func() {
//		<-done // goroutine blocks forever receiving from done: ...
//		cleanup()
//	}()
//	if err := step(); err != nil {
//		return err // done is never closed on this path
//	}
//	close(done)
//
// A close deferred before the go statement releases the receiver on every
// path. An early return whose condition the goroutine also tests before
// it waits is not counted, as for the forgotten sender.
//
// The skipped signal. The function that made a channel waits on it
// itself, and the one goroutine that sends on it or closes it can return
// without doing either, typically on an error path:
//
//	done := make(chan struct{})
//	go func() {
//		if err := step(); err != nil {
//			return // done is neither sent on nor closed on this path
//		}
//		close(done)
//	}()
//	<-done // run blocks forever receiving from done: ...
//
// Here the blocked goroutine is the maker's own, and the finding is at
// its receive, with a related position at the goroutine's return. The
// maker must receive once, with a plain receive outside loops that every
// path from the go statement to its returns passes (a receive on some
// paths only may be guarded by the same condition as the goroutine's
// return, and a select may give up on ctx.Done); every send and close
// must be in the body of that one goroutine, started once, outside
// loops. The maker may also wait through a named function of the
// package that receives from the channel exactly once on every path and
// does nothing else with it, called once by the maker, outside loops;
// the finding is then at the helper's receive, with the call related. A
// deferred close, a send or close through a helper, a receive by anyone
// else, or a goroutine body in another package keeps it silent.
//
// A goroutine with no exit at all: a loop with no way out (no return, no
// runtime.Goexit) whose only blocking operations are on channels that the
// starting function made and uses only itself, so that once it returns
// nothing can release the goroutine — "for { select { ... } }" over such
// channels, or a generator "for { ch <- next() }" whose caller takes a few
// values and returns. Also a "select {}", and a send or receive on a nil
// channel (the constant nil, or a variable of channel type that is never
// assigned, the usual trace of a forgotten make).
//
// A goroutine with no way out at all, whatever it waits on (channels it
// was handed, a ticker, a sleep): its body has no return and no
// runtime.Goexit reachable, and the function that starts it can run more
// than once per process, so each run leaves one more goroutine behind.
// A range over the channel C of a time.Ticker or time.Timer counts as a
// loop with no way out: the standard library never closes that channel,
// not even on Stop, so "for range t.C" ends only by a break or return
// inside it:
//
//	func newBatcher(events <-chan int) *batcher {
//		go func() { // goroutine never finishes: its loop has no way out, ...
//			for {
//				select {
//				case n := <-events: ...
//				case <-t.C: ...
//				}
//			}
//		}()
//
// Code that runs once per process starts daemons, not leaks: main.main,
// init functions and package-level initialisers, TestMain, the function
// given to sync.Once.Do, sync.OnceFunc, sync.OnceValue or
// sync.OnceValues, closures inside any of these, and an unexported
// function that only such code calls, outside loops. Everything else may
// run again: an exported function or method (any caller may call it per
// request, per connection, per test), a method, a function used as a
// value, a test. A goroutine that calls testing's FailNow family (which
// ends it through runtime.Goexit) is not judged.
//
// The goroutine's body may be a function literal, a named function or
// method of this package, a bound method value, or a function of another
// package whose exported summary says it sends at most one value on the
// channel it is given; in that last case the finding is reported at the go
// statement. A send inside a helper of this package that the goroutine
// calls once, and that sends exactly once, counts as a send of the
// goroutine and is reported where it blocks.
//
// One-sided channels. A channel whose whole visible life has no send and
// no close blocks every receive from it; one that is unbuffered and has
// no receive blocks every send on it. Such an operation is reported
// wherever it is (in the function that made the channel, in a method, in
// a test, in a goroutine), not only in a goroutine that a function gave
// up on:
//
//	type loader struct{ ready chan struct{} }
//
//	func (l *loader) Ready() <-chan struct{} { return l.ready }
//
//	func warm(l *loader) {
//		<-l.Ready() // blocks forever receiving from l.Ready(): nothing ... sends on or closes it
//	}
//
// A channel returned receive-only (<-chan T) by a method or an exported
// function is followed into the package's static calls of it; callers
// the package cannot see can only receive from it, so its sends and
// closes are still all known. A channel returned both ways may be sent
// on by anyone, and stays unknown. The operation is judged only when
// every channel its operand may hold is known: traced back through
// unexported fields of the package's struct types, variables, closures
// and static calls to make calls, each one-sided the same way. A field
// that one constructor fills with a channel it serves and another with a
// fresh one stays silent. The deliberate park "<-make(chan T)" and
// channels of main and init are never judged.
//
// A buffered channel nothing receives from takes as many values as its
// capacity, and the send after those blocks forever. It is judged when
// every send is a send statement of one function: the send that k others
// run before on every path (k the constant capacity), or the one send of
// a counted loop with no other way out, sending on every iteration, that
// runs more times than the capacity (a constant trip count, or a loop
// over xs against a capacity of len(xs)-d).
//
// Fields only the package can reach. An exported field of an exported
// type is as private as an unexported one when no value of the type
// leaves the package: no exported function, exported variable or
// exported method of a type that leaves takes, returns or holds one
// (through pointers, containers, signatures or exported fields); no value
// of it is converted to an interface, asserted from one or handed to a
// function of another package or a function value; and the type has no
// exported method, which code outside could call on a value of its own.
// A value made and dropped inside the package, or handed only to the
// package's own functions, qualifies:
//
//	type Ticket struct{ Result chan string }
//
//	func issue(t *Ticket) {
//		t.Result = make(chan string)
//		go func() { t.Result <- "done" }() // goroutine blocks forever sending on t.Result: ...
//	}
//
// Such fields are followed like unexported ones, by every check below and
// by chanflow, so rangeclose sees them too. The decision is per type, not
// per value: one value returned by an exported constructor, stored in an
// exported variable, passed to another package or converted to an
// interface makes every field of the type unknown again.
//
// The protocol of a type. A channel held in a field only the package can
// reach is one protocol across all the type's methods and the goroutines
// they start.
// When every receive from it is a case of a select in a loop that has
// another case leaving the loop (a serve loop returning on a stop channel
// or a context), an exported method that sends on it with a plain send
// statement blocks forever once the loop has left, since no other code
// receives from the channel:
//
//	func (n *node) Query() int {
//		r := make(chan int)
//		n.req <- r // blocks forever sending on n.req once serve has returned on <-n.stop: ...
//		return <-r
//	}
//
// The request that selects on the stop channel too is silent, and so is
// a loop whose stop channel nothing in the package closes or sends on.
//
// Waits that nothing releases. A sync.WaitGroup or sync.Cond held in a
// struct field only the package can reach (above) is one protocol across
// all the type's methods and the goroutines they start; one held in a local
// variable is followed into the closures that capture it. A WaitGroup's
// address handed to a function of the package (called, deferred or started,
// a closure of it included) is followed into the parameter that receives
// it: the helper's Done, Go and Add count, and the helper may hand it on
// the same way. The analyzer reports, at the Wait call:
//
//   - a WaitGroup whose counter is raised (Add with a positive constant or
//     a length) and never lowered: nothing in the package calls Done or Go
//     on it, so Wait blocks forever once an Add has run;
//   - a WaitGroup in a local variable whose goroutines call Done without
//     defer, when one of them can return before its Done (an error path):
//     the counter never comes back to zero. The Adds must all be in the
//     waiting function, the Dones plain calls outside loops in the bodies
//     of goroutines it starts, the Wait on every path from the go
//     statement, and the skipping path must not end the process instead
//     (panic, os.Exit, log.Fatal);
//   - a Cond that nothing in the package signals: no Signal, no Broadcast;
//   - a Wait inside the loop over xs that starts one goroutine per element
//     after Add(len(xs)) before the loop: at the first Wait only one
//     goroutine has started, and when len(xs) > 1 the counter never
//     reaches zero;
//   - a Cond wait loop whose only way out tests a value the loop cannot
//     change (a local computed before the loop, a parameter, a constant):
//     once the loop runs, no Signal can end it.
//
// It stays silent when the WaitGroup's or Cond's address goes anywhere
// else (a Cond passed to any function; a WaitGroup passed to another
// package's function, a function value, an interface method or an
// instance of a generic helper, or stored by a helper, converted to an
// interface), when a Cond stored in the field did not come from
// sync.NewCond or a composite literal in the package, when an Add's delta
// may be negative, and for fields other packages may reach. A Wait inside
// a helper the WaitGroup is handed to is not judged (other callers may
// hand it a counted one).
//
// A timer drained after its tick was taken. The idiom
// "if !t.Stop() { <-t.C }" drains a tick that fired but was not received.
// When a receive from t.C (typically a select case) has already taken the
// tick and nothing re-armed the timer since (no t.Reset on the path),
// Stop reports false and t.C stays empty: the drain blocks forever. Both
// timer semantics agree on this (before Go 1.23 the tick was buffered and
// has been consumed; from Go 1.23 on, a receive after Stop returned never
// sees a stale tick), so the file's Go version does not change the
// verdict. The timer must be made by time.NewTimer in the function and
// used only for its channel and its methods; a timer stored or handed
// elsewhere may be reset by code the analyzer does not follow.
//
// Counterparts anywhere. The sender and the receiver of a channel need
// not be the function that made it and one goroutine it starts: they may
// be sibling goroutines, the maker and a goroutine started by a helper,
// or a helper the maker calls once (a method receiving once) and a
// goroutine another helper starts. For the channels a function makes, the
// analyzer builds a model of every goroutine that touches them (the maker,
// the goroutines it starts, and those they start), each reduced to its
// operations on those channels along its control-flow graph, and explores
// their interleavings. It reports a goroutine (or the maker) waiting
// forever on a send, a receive or a select in a reachable state where
// every counterpart that could release it has returned, has gone on
// past its last operation on the channel, or waits forever itself (a
// deadlock, in which each goroutine waiting is reported):
//
//	events := make(chan string)
//	go func() {
//		for _, l := range lines {
//			events <- parse(l) // goroutine blocks forever sending on events: the goroutine started at line 9 returns at line 14 once its select at line 10 takes <-ctx.Done(), ...
//		}
//	}()
//	go func() {
//		for {
//			select {
//			case e := <-events:
//				record(e)
//			case <-ctx.Done():
//				return
//			}
//		}
//	}()
//
// Channels are modelled exactly (capacity, buffered values, closed), and so
// are selects over them. A case on ctx.Done(), time.After or a timer's
// channel may be taken at any time; a case on a channel of unknown origin
// makes the goroutine's future unknown. The branches between operations are
// resolved before the search: a goroutine may take either way of a select
// and of a test of the error a call returned ("if err != nil": any call may
// fail), and may always run a counted loop once more when its count is
// known only at run time (a range over a slice); every other branch tests
// data that the model does not see (a parameter, a value received, a
// length), which another goroutine may test too or which a value sent may
// decide, so a goroutine reaches an operation through it only when both
// ways lead there, and otherwise its future is unknown: it may still do
// anything it can reach, and never counts as having given up. The same call
// tested by two goroutines is data too. A received value that ends a loop
// (a sentinel) therefore never counts as a way out. A Wait (a WaitGroup, a
// Cond, an errgroup) or a lock orders goroutines in a way the model does
// not follow: from there, the goroutine's future is unknown too; os.Exit
// and log.Fatal end every path through them.
//
// The model is judged only when every channel is made outside loops, with
// a constant capacity, does not escape, is not returned, and is sent on
// and received from; when every operation on it is in the maker or in the
// body of a goroutine started, outside loops, by the maker or by another
// goroutine of the model (directly, or by a named helper of the package
// called once), or in a named helper called once that does it on every
// path; and when the function making them makes at most 4 such channels
// and starts at most 5 such goroutines. The search (breadth first, over
// states of the channels and the goroutines' positions, taking a step no
// other goroutine can observe alone) stops after 4096 states, each
// function is reduced only below 300 blocks, and beyond any bound it
// stays silent. A goroutine that another check already reports is left
// to it. Operations in a function of another package, in a helper called
// more than once or not on every path, in a method nothing in the model
// calls, and goroutines started in loops, through errgroup or by
// functions of another package keep the channels unjudged.
//
// # When it stays silent
//
//   - The channel's capacity is not a constant (nor a parameter that a
//     call in the package gives a constant), or the channel escapes (to
//     an exported global, an interface, a function of unknown origin, a
//     field other packages may reach, a return value, or a slice, map or
//     carrier channel that escapes so or also holds channels made
//     elsewhere): someone else may receive from it or send on it. A
//     channel kept in a container the package follows, or sent over
//     another channel (a reply channel handed to a server), is judged
//     through every load and receive of it.
//   - The channel is closed by anyone but its one sending goroutine: a
//     send then panics rather than blocks, which is a different bug, and
//     a receive returns at once.
//   - Receives happen in a loop that does not end only by a close or an
//     early exit (a counted "for range n { <-ch }" whose n is not the
//     number of values sent, or that may go on without receiving), in
//     another goroutine,
//     or through calls (other than calls of a helper of this package that
//     receives a fixed number of values on every path), so their number
//     is unknown; likewise sends in a loop with no "i < n" guard or in a
//     nested loop, several sends from goroutines started by a go
//     statement in a loop, goroutines of several go statements with a
//     receive between them, and goroutines started by a helper rather
//     than by the function that makes the channel, unless the helper is a
//     named function of the package with that one go statement, outside
//     loops, called once, outside loops, by the function that makes the
//     channel (the call then starts the goroutine). These are documented
//     false negatives in the corpus.
//   - A capacity given by len(xs) or a variable, against anything but
//     goroutines or a send loop counted by the same len(xs) or variable:
//     it is compared with nothing else.
//   - The goroutine is started from main.main or an init function (or a
//     closure inside one): it is meant to live as long as the process.
//     The rule does not reach functions that main calls, which may run
//     many times (a command of a CLI, a server's handler). On the six
//     popular modules of bench/ it made one difference: caddy's "start"
//     command leaves a forgotten sender behind, a real one, harmless only
//     because the process exits right after; it is reported.
//   - One-sided channels and type protocols: a channel in a field that
//     other packages may reach (above), in an exported global, or in a
//     field also filled from a parameter or
//     from another package; a buffered channel nothing receives from
//     whose sends are not all counted (in several functions, select
//     cases, a loop with no count or with another way out); a serve loop whose sender is not
//     an exported method (an unexported caller may only send while the
//     loop runs), or whose channel is buffered or closed.
//   - The goroutine ranges over a channel that is never closed: that is
//     rangeclose's finding, reported once, there.
//
// Findings are reported at the blocking operation inside the goroutine
// (inside the maker, for a skipped signal), with related positions at the
// go statement, the make call, and the point where the other side gives up.
package goroutineexit
