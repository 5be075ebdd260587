package goroutineexit

import "sync"

//oracle:falsenegative the WaitGroup's address goes to a helper; the analysis does not follow a WaitGroup into calls, so it cannot tell that the helper never calls Done

// countVia takes the WaitGroup but never calls Done.
func countVia(wg *sync.WaitGroup, n *int) {
	*n++
	_ = wg
}

func tallyHanded() int {
	var wg sync.WaitGroup
	n := 0
	wg.Add(1)
	go countVia(&wg, &n)
	wg.Wait()
	return n
}

// CaseWaitgroupHelperForgetsDone tallies once.
func CaseWaitgroupHelperForgetsDone() {
	go tallyHanded()
}
