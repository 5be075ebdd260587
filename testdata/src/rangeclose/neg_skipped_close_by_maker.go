package rangeclose

import "sync/atomic"

// settleDeferred closes with defer: every return closes the channel.
func settleDeferred(batch []int, balance *atomic.Int64) error {
	amounts := make(chan int)
	defer close(amounts)
	for range 3 {
		go func() {
			for a := range amounts {
				balance.Add(int64(a))
			}
		}()
	}
	for _, a := range batch {
		if a < 0 {
			return errNegative
		}
		amounts <- a
	}
	return nil
}

// settleClosing closes on the error path too.
func settleClosing(batch []int, balance *atomic.Int64) error {
	amounts := make(chan int)
	for range 3 {
		go func() {
			for a := range amounts {
				balance.Add(int64(a))
			}
		}()
	}
	for _, a := range batch {
		if a < 0 {
			close(amounts)
			return errNegative
		}
		amounts <- a
	}
	close(amounts)
	return nil
}

// settleChecked validates before it starts anything: the early return
// comes before the go statements.
func settleChecked(batch []int, balance *atomic.Int64) error {
	for _, a := range batch {
		if a < 0 {
			return errNegative
		}
	}
	amounts := make(chan int)
	for range 3 {
		go func() {
			for a := range amounts {
				balance.Add(int64(a))
			}
		}()
	}
	for _, a := range batch {
		amounts <- a
	}
	close(amounts)
	return nil
}

// CaseSkippedCloseByMakerGuarded settles with a negative amount three ways.
func CaseSkippedCloseByMakerGuarded() {
	var balance atomic.Int64
	_ = settleDeferred([]int{5, -1}, &balance)
	_ = settleClosing([]int{5, -1}, &balance)
	_ = settleChecked([]int{5, -1}, &balance)
}
