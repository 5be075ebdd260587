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
// written by hand and is reported the same way.
//
// The analyzer follows the channel from its make call through local
// variables, conversions (chan T to <-chan T), closures, unexported struct
// fields, and calls to functions in this and other packages (including
// generic ones), and reports only when it can see every place the channel
// goes and none of them closes it.
//
// It stays silent when:
//
//   - any alias of the channel may be closed: directly, by a deferred
//     close, in another goroutine, inside a sync.Once, or by a function
//     (of this or another package) that closes its parameter;
//   - the channel escapes to code the analyzer cannot see: a global
//     variable, an interface, a function value of unknown origin, another
//     channel, an exported struct field, reflection, or a function
//     returning it;
//   - the loop has another way out (a return, a break or goto out of the
//     loop, runtime.Goexit): such loops end on a sentinel value or a
//     condition of their own;
//   - every goroutine that sends on the channel runs forever (a daemon
//     producer): such a pipeline is meant to live as long as the process, so
//     the range is not expected to end, and a producer that never stops is a
//     different finding (see goroutineexit);
//   - the channel is made in main.main or an init function: it lives as
//     long as the process does.
//
// Findings are reported at the range statement, with related positions at
// the make call and at each go statement that starts a goroutine running
// the loop. When the loop is in another package, the finding is reported
// at the go statement or call that hands the channel to it.
package rangeclose
