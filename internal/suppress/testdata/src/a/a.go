package a

// Each function starts a listener whose channel is never closed: rangeclose
// reports the range loop unless a directive silences it.

func lineAbove() {
	ch := make(chan int)
	go func() {
		//leakvet:ignore rangeclose the listener lives as long as the process
		for range ch {
		}
	}()
}

func sameLine() {
	ch := make(chan int)
	go func() {
		for range ch { //leakvet:ignore rangeclose the listener lives as long as the process
		}
	}()
}

func list() {
	ch := make(chan int)
	go func() {
		//leakvet:ignore ignoredirective,rangeclose a list of names
		for range ch {
		}
	}()
}

func all() {
	ch := make(chan int)
	go func() {
		//leakvet:ignore all every analyzer
		for range ch {
		}
	}()
}

func otherAnalyzer() {
	ch := make(chan int)
	go func() {
		//leakvet:ignore ignoredirective a directive for another analyzer
		for range ch { // want "range over channel ch never ends"
		}
	}()
}

func noReason() {
	ch := make(chan int)
	go func() {
		//leakvet:ignore rangeclose
		for range ch { // want "range over channel ch never ends"
		}
	}()
}

func unknownName() {
	ch := make(chan int)
	go func() {
		//leakvet:ignore rangeclose,nosuch an unknown name spoils the directive
		for range ch { // want "range over channel ch never ends"
		}
	}()
}

func twoLinesAbove() {
	ch := make(chan int)
	go func() {
		//leakvet:ignore rangeclose too far from the loop

		for range ch { // want "range over channel ch never ends"
		}
	}()
}

func lineBelow() {
	ch := make(chan int)
	go func() {
		for range ch { // want "range over channel ch never ends"
		}
		//leakvet:ignore rangeclose a directive applies to its line and the next, not the line above
	}()
}
