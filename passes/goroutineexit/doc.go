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
// A suggested fix makes the channel buffered when that is provably
// enough: one goroutine sending one value gets make(chan T, 1), and
// goroutines started by a loop over a slice or up to a bound n get a
// capacity of len(slice) or n, when that expression is known where the
// channel is made. A buffered send never blocks, so the goroutine finishes
// and its value is collected with the channel.
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
// A goroutine with no exit at all: a loop with no way out whose only
// blocking operations are on channels that the starting function made and
// abandons, a "select {}", or a send or receive on a nil channel.
//
// Precision. The analyzer stays silent when:
//
//   - the channel's capacity is not a constant, or the channel escapes
//     (to a global, an interface, another channel, a function of unknown
//     origin, a return value): someone else may receive from it;
//   - the channel is closed anywhere (a send then panics rather than
//     blocks, which is a different bug);
//   - receives happen in a loop, in another goroutine, or through calls,
//     since their number is then unknown;
//   - the goroutine is started from main.main or an init function, or
//     runs a loop that waits on channels it did not get from the starting
//     function (a timer, a context, a field): such goroutines are usually
//     meant to live as long as the process, and stopping them is a design
//     choice, not a mistake the analyzer can prove;
//   - the goroutine ranges over a channel that is never closed: that is
//     the rangeclose analyzer's finding.
//
// Findings are reported at the blocking operation inside the goroutine,
// with related positions at the go statement, the make call, and the
// point where the other side gives up.
package goroutineexit
