package goroutineexit

import (
	"errors"
	"time"
)

var errStockTimeout = errors.New("stock lookup timed out")

func stockLevel(sku string) int {
	time.Sleep(20 * time.Millisecond)
	return len(sku)
}

// stockWithin closes levels from the sender too, but the sender also gives
// up when the caller does: its send is a select on giveUp, which the
// caller closes on the way out.
func stockWithin(sku string, d time.Duration) (int, error) {
	levels := make(chan int)
	giveUp := make(chan struct{})
	defer close(giveUp)
	go func() {
		defer close(levels)
		select {
		case levels <- stockLevel(sku):
		case <-giveUp:
		}
	}()
	select {
	case n := <-levels:
		return n, nil
	case <-time.After(d):
		return 0, errStockTimeout
	}
}

// CaseSenderOwnedCloseSelect allows far too little time.
func CaseSenderOwnedCloseSelect() {
	_, _ = stockWithin("oat-7", time.Millisecond)
}
