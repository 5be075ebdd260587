package goroutineexit

import "errors"

var errQuoteMarketClosed = errors.New("market closed")

// quoteWhenOpen hands a reply channel to a quoting goroutine over a request
// channel, then returns early when the market is closed: nobody receives
// the quote, and the quoting goroutine blocks on its reply.
func quoteWhenOpen(symbol string, marketOpen bool) (string, error) {
	requests := make(chan chan string, 1)
	go func() {
		reply := <-requests
		reply <- "quote for " + symbol // want `goroutine blocks forever sending on reply`
	}()
	reply := make(chan string)
	requests <- reply
	if !marketOpen {
		return "", errQuoteMarketClosed
	}
	return <-reply, nil
}

// CaseReplyAbandoned asks for a quote while the market is closed.
func CaseReplyAbandoned() {
	_, _ = quoteWhenOpen("ACME", false)
}
