// Package rangeclose defines an Analyzer that reports loops over channels
// that are never closed.
//
// # Analyzer rangeclose
//
// rangeclose: report range loops over channels that are never closed
//
// A loop "for v := range ch" ends only when ch is closed. When no code
// closes ch, the loop receives the last value sent and then blocks forever.
// If the loop runs in a goroutine, that goroutine, its stack and everything
// it references are never freed: the "abandoned receivers" leak. A worker
// pool whose input channel is never closed leaks every worker, each time
// the pool is started:
//
//	func processRecords(records []string) {
//		input := make(chan string, len(records))
//		for _, r := range records {
//			input <- r
//		}
//		// close(input) is missing
//		for i := 0; i < runtime.NumCPU(); i++ {
//			go worker(i, input, output)
//		}
//		...
//	}
//
//	func worker(id int, input <-chan string, output chan<- string) {
//		for v := range input { // range over channel input never ends: ...
//			output <- strings.ToUpper(v)
//		}
//	}
//
// The loop "for { v, ok := <-ch; if !ok { break } ... }" is the same loop
// written by hand and is reported the same way, at its receive.
//
// The message names the channel as written at the loop and says why the
// loop cannot end:
//
//	range over channel input never ends: input is never closed, so the
//	goroutine started at line 45 blocks forever after receiving the last value
//
// When the loop is in a function of another package, the finding is
// reported at the go statement or call that hands the channel over:
//
//	range over channel names in workers.Drain never ends: names is never
//	closed, so the goroutine started here blocks forever after receiving
//	the last value
//
// Related positions point at the make call and at each go statement that
// starts a goroutine running the loop.
//
// A close that is skipped (category skippedclose). A channel closed on
// some paths only is as good as never closed on the others. When the
// function that makes a channel ranges over it, and the one goroutine
// that closes it can return without closing it (an early return on an
// error, before a close that is not deferred), the loop waits forever on
// that path:
//
//	go func() {
//		for _, p := range paths {
//			data, err := read(p)
//			if err != nil {
//				return
//			}
//			out <- data
//		}
//		close(out)
//	}()
//	for d := range out { // range over channel out never ends when the goroutine started at line 1 returns early: ...
//
// The same holds for workers that range over the channel in goroutines
// the maker starts: each waits forever. And when the maker closes the
// channel itself, after starting such workers, a return of the maker that
// does not pass its close (an error while feeding them) leaves every
// worker waiting:
//
//	for range 3 {
//		go func() {
//			for a := range amounts { // range over channel amounts never ends when settle returns at line N: ...
//				...
//			}
//		}()
//	}
//	for _, a := range batch {
//		if a < 0 {
//			return errNegative
//		}
//		amounts <- a
//	}
//	close(amounts)
//
// It is judged when the channel goes nowhere else and each range loop has
// no break or return of its own and runs whenever the close may be
// skipped: in the maker, on every path from the closer's go statement, or
// in a goroutine the maker starts, on every path through its body. A
// closing goroutine must close with a plain call outside loops in its own
// body, be started once, and its skipping path must not end the process
// (panic, os.Exit, log.Fatal); a closing maker must close with a plain
// call outside loops that cannot run before the workers start, and must
// not call anything that ends the process or the goroutine (t.Fatal among
// them). A deferred close, a close on every path, or a loop that can be
// left by a break keeps it silent.
//
// # What is followed
//
// The analyzer starts at each make(chan) and follows the channel through
// local variables (also those captured by closures), conversions such as
// chan T to <-chan T, fields of struct types declared in the package that
// only the package can reach (unexported ones, and exported ones of types
// whose values never leave the package; see goroutineexit), and static calls: to functions and methods of this package, to
// method values bound to a local variable, to generic functions, and to
// functions of other packages through the summaries their analysis
// exported. It reports only when it sees every place the channel goes and
// none of them may close it.
//
// # When it stays silent
//
//   - Any alias of the channel may be closed: directly, by a deferred
//     close, in another goroutine, inside a sync.Once, or by a function (of
//     this or another package) that closes its parameter.
//   - The channel escapes to code the analyzer cannot follow: a global
//     variable, an interface, a function value of unknown origin, another
//     channel, a map, slice or array, an exported struct field,
//     reflection, or the result of a function whose callers it cannot all
//     see (an exported function or a method). A generator that is an
//     unexported function, called directly, is followed into its callers,
//     and "for p := range primesBelow(12)" is reported as a range over the
//     channel returned by primesBelow(12); an exported generator that
//     forgets to close its channel is a known false negative.
//   - The loop has another way out: a return, a break or goto that leaves
//     the loop, or runtime.Goexit. Such loops end on a sentinel value or a
//     condition of their own. A continue, a break that only leaves an
//     inner switch or select, and a panic, os.Exit or log.Fatal are not
//     ways out: the loop still waits for a close in the normal course.
//   - Every goroutine that sends on the channel runs forever (a daemon
//     producer, such as a loop reading a device or a ticker with no exit).
//     The consumer's range is then not expected to end: the pipeline is
//     meant to live as long as its producer, and whether a producer that
//     never stops is a leak is the question goroutineexit answers about
//     the producer itself. Reporting the consumer too would report one
//     design twice, at the place that is not the mistake.
//   - The channel is made in main.main or an init function (or in a
//     closure inside one): it lives as long as the process. The rule does
//     not extend to functions that main calls, which may run many times.
//   - The channel is not made in the analysed code: time.Ticker.C,
//     ctx.Done() and other channels from libraries are out of scope. (A
//     goroutine ranging over a time.Ticker's or time.Timer's C, which is
//     never closed, is goroutineexit's: a loop with no way out.)
//
// # Suggested fix
//
// When the channel is filled by plain send statements, all inside one
// statement of the function that makes it (typically a loop over the
// input), named by the same local variable, and is only ever received
// from by range loops, the analyzer offers to insert close(ch) right after
// that statement. No send can follow it, so the close cannot panic, and
// every range loop over the channel then ends after the last value.
package rangeclose
