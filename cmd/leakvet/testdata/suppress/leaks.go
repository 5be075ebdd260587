// Package suppress has four listeners whose channel is never closed: two
// silenced by //leakvet:ignore, one reported, and one under a malformed
// directive, which silences nothing and is reported itself.
package suppress

// Reported: no directive. The comment before the loop puts non-ASCII
// text ahead of the finding's column.
func Reported() {
	events := make(chan string)
	go func() {
		/* ▶ 이벤트 */ for e := range events {
			println(e)
		}
	}()
}

// LineAbove is silenced by the directive on the line above the loop.
func LineAbove() {
	events := make(chan string)
	go func() {
		//leakvet:ignore rangeclose the listener lives as long as the process
		for e := range events {
			println(e)
		}
	}()
}

// SameLine is silenced by the directive at the end of the loop's line.
func SameLine() {
	events := make(chan string)
	go func() {
		for e := range events { //leakvet:ignore rangeclose the listener lives as long as the process
			println(e)
		}
	}()
}

// Malformed gives no reason: the directive is reported, and so is the
// loop.
func Malformed() {
	events := make(chan string)
	go func() {
		//leakvet:ignore rangeclose
		for e := range events {
			println(e)
		}
	}()
}
