package goroutineexit

import (
	"errors"
	"time"
)

var errQuoteTimeout = errors.New("quote timed out")

func priceQuote(sku string) float64 {
	time.Sleep(20 * time.Millisecond)
	return float64(len(sku))
}

// publishQuote sends the one quote and closes the channel when it is done;
// the close cannot run while the send is blocked, so it releases nothing.
func publishQuote(sku string, quotes chan<- float64) {
	defer close(quotes)
	quotes <- priceQuote(sku) // want `goroutine blocks forever sending on quotes: if the select takes <-time\.After\(d\), nothing receives from quotes`
}

// quoteWithin gives the quote service d to answer.
func quoteWithin(sku string, d time.Duration) (float64, error) {
	quotes := make(chan float64)
	go publishQuote(sku, quotes)
	select {
	case q := <-quotes:
		return q, nil
	case <-time.After(d):
		return 0, errQuoteTimeout
	}
}

// CaseSenderOwnedClose allows far too little time.
func CaseSenderOwnedClose() {
	_, _ = quoteWithin("tea-42", time.Millisecond)
}
