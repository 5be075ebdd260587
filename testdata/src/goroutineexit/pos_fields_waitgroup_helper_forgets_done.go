package goroutineexit

import "sync"

// countVia takes the WaitGroup but never calls Done. The WaitGroup's
// address is followed into the helper: nothing there (nor anywhere else)
// counts it down.
func countVia(wg *sync.WaitGroup, n *int) {
	*n++
	_ = wg
}

func tallyHanded() int {
	var wg sync.WaitGroup
	n := 0
	wg.Add(1)
	go countVia(&wg, &n)
	wg.Wait() // want `wg\.Wait blocks forever once wg\.Add has run: nothing in the package calls wg\.Done`
	return n
}

// CaseWaitgroupHelperForgetsDone tallies once.
func CaseWaitgroupHelperForgetsDone() {
	go tallyHanded()
}
