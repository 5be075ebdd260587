package rangeclose

import (
	"errors"
	"sync/atomic"
)

var errNegative = errors.New("negative amount")

// settle starts workers that apply amounts, then feeds them; a negative
// amount makes it return before close(amounts), and every worker waits on
// the channel forever.
func settle(batch []int, balance *atomic.Int64) error {
	amounts := make(chan int)
	for range 3 {
		go func() {
			for a := range amounts { // want `range over channel amounts never ends when settle returns at line 24: that path does not close amounts`
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
	close(amounts)
	return nil
}

// CaseSkippedCloseByMaker settles a batch with a negative amount.
func CaseSkippedCloseByMaker() {
	var balance atomic.Int64
	_ = settle([]int{5, -1, 7}, &balance)
}
