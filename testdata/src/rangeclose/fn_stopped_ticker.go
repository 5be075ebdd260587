package rangeclose

import "time"

//oracle:falsenegative time.Ticker's channel is made by the standard library and Stop does not close it; the analyzer sees no make of it here and stays silent, yet the goroutine ranging over it waits forever once the ticker is stopped

// CaseStoppedTicker stops a ticker that a goroutine still ranges over.
func CaseStoppedTicker() {
	t := time.NewTicker(time.Millisecond)
	ticked := make(chan int)
	go func() {
		n := 0
		for range t.C {
			n++
			if n <= 2 {
				ticked <- n
			}
		}
	}()
	<-ticked
	<-ticked
	t.Stop()
}
