package budget

//oracle:skip its test lowers the size budget to 40 blocks, which a run cannot do: nothing here leaks

// dispatch has more blocks than the budget of the test: it is named, so
// that the user knows its leaks, if any, are not reported.
func dispatch(op int, ticks chan int) { // want `^dispatch is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
	switch op {
	case 0:
		ticks <- 0
	case 1:
		ticks <- 1
	case 2:
		ticks <- 2
	case 3:
		ticks <- 3
	case 4:
		ticks <- 4
	case 5:
		ticks <- 5
	case 6:
		ticks <- 6
	case 7:
		ticks <- 7
	case 8:
		ticks <- 8
	case 9:
		ticks <- 9
	case 10:
		ticks <- 10
	case 11:
		ticks <- 11
	case 12:
		ticks <- 12
	case 13:
		ticks <- 13
	case 14:
		ticks <- 14
	case 15:
		ticks <- 15
	case 16:
		ticks <- 16
	case 17:
		ticks <- 17
	case 18:
		ticks <- 18
	case 19:
		ticks <- 19
	case 20:
		ticks <- 20
	case 21:
		ticks <- 21
	case 22:
		ticks <- 22
	case 23:
		ticks <- 23
	case 24:
		ticks <- 24
	case 25:
		ticks <- 25
	case 26:
		ticks <- 26
	case 27:
		ticks <- 27
	case 28:
		ticks <- 28
	case 29:
		ticks <- 29
	}
}

type machine struct{ ticks chan int }

// A method is named with its receiver.
func (m *machine) step(op int) { // want `^\(\*machine\).step is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
	ticks := m.ticks
	switch op {
	case 0:
		ticks <- 0
	case 1:
		ticks <- 1
	case 2:
		ticks <- 2
	case 3:
		ticks <- 3
	case 4:
		ticks <- 4
	case 5:
		ticks <- 5
	case 6:
		ticks <- 6
	case 7:
		ticks <- 7
	case 8:
		ticks <- 8
	case 9:
		ticks <- 9
	case 10:
		ticks <- 10
	case 11:
		ticks <- 11
	case 12:
		ticks <- 12
	case 13:
		ticks <- 13
	case 14:
		ticks <- 14
	case 15:
		ticks <- 15
	case 16:
		ticks <- 16
	case 17:
		ticks <- 17
	case 18:
		ticks <- 18
	case 19:
		ticks <- 19
	case 20:
		ticks <- 20
	case 21:
		ticks <- 21
	case 22:
		ticks <- 22
	case 23:
		ticks <- 23
	case 24:
		ticks <- 24
	case 25:
		ticks <- 25
	case 26:
		ticks <- 26
	case 27:
		ticks <- 27
	case 28:
		ticks <- 28
	case 29:
		ticks <- 29
	}
}

// A function literal is named by the function it is in; the function
// itself is small.
func handler() func(int, chan int) {
	return func(op int, ticks chan int) { // want `^a function literal in handler is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
		switch op {
		case 0:
			ticks <- 0
		case 1:
			ticks <- 1
		case 2:
			ticks <- 2
		case 3:
			ticks <- 3
		case 4:
			ticks <- 4
		case 5:
			ticks <- 5
		case 6:
			ticks <- 6
		case 7:
			ticks <- 7
		case 8:
			ticks <- 8
		case 9:
			ticks <- 9
		case 10:
			ticks <- 10
		case 11:
			ticks <- 11
		case 12:
			ticks <- 12
		case 13:
			ticks <- 13
		case 14:
			ticks <- 14
		case 15:
			ticks <- 15
		case 16:
			ticks <- 16
		case 17:
			ticks <- 17
		case 18:
			ticks <- 18
		case 19:
			ticks <- 19
		case 20:
			ticks <- 20
		case 21:
			ticks <- 21
		case 22:
			ticks <- 22
		case 23:
			ticks <- 23
		case 24:
			ticks <- 24
		case 25:
			ticks <- 25
		case 26:
			ticks <- 26
		case 27:
			ticks <- 27
		case 28:
			ticks <- 28
		case 29:
			ticks <- 29
		}
	}
}

// A directive silences the report, as it does a finding.
//
//leakvet:ignore budget a table of opcodes, checked by its generator
func generated(op int, ticks chan int) {
	switch op {
	case 0:
		ticks <- 0
	case 1:
		ticks <- 1
	case 2:
		ticks <- 2
	case 3:
		ticks <- 3
	case 4:
		ticks <- 4
	case 5:
		ticks <- 5
	case 6:
		ticks <- 6
	case 7:
		ticks <- 7
	case 8:
		ticks <- 8
	case 9:
		ticks <- 9
	case 10:
		ticks <- 10
	case 11:
		ticks <- 11
	case 12:
		ticks <- 12
	case 13:
		ticks <- 13
	case 14:
		ticks <- 14
	case 15:
		ticks <- 15
	case 16:
		ticks <- 16
	case 17:
		ticks <- 17
	case 18:
		ticks <- 18
	case 19:
		ticks <- 19
	case 20:
		ticks <- 20
	case 21:
		ticks <- 21
	case 22:
		ticks <- 22
	case 23:
		ticks <- 23
	case 24:
		ticks <- 24
	case 25:
		ticks <- 25
	case 26:
		ticks <- 26
	case 27:
		ticks <- 27
	case 28:
		ticks <- 28
	case 29:
		ticks <- 29
	}
}

// loops has its blocks from loops, conditions and && and ||.
func loops(n int, ticks chan int) { // want `^loops is not analysed for leaks: its \d+ blocks are over the size budget of 40$`
	for i := 0; i < n; i++ {
		if i > 0 && i < n-0 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 1 && i < n-1 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 2 && i < n-2 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 3 && i < n-3 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 4 && i < n-4 || i == 0 {
			ticks <- i
		}
	}
	for i := 0; i < n; i++ {
		if i > 5 && i < n-5 || i == 0 {
			ticks <- i
		}
	}
}

// small is within the budget: nothing to say.
func small(op int, ticks chan int) {
	switch op {
	case 0:
		ticks <- 0
	case 1:
		close(ticks)
	}
}
