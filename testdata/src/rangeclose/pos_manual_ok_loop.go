package rangeclose

// CaseManualOkLoop uses the hand-written form of a range loop: it leaves
// only when the receive reports a closed channel, which never happens.
func CaseManualOkLoop() {
	temps := make(chan float64)
	maxSeen := make(chan float64)
	go func() {
		highest := 0.0
		for {
			t, ok := <-temps // want "range over channel temps never ends"
			if !ok {
				break
			}
			if t > highest {
				highest = t
			}
			maxSeen <- highest
		}
	}()
	for _, t := range []float64{18.5, 21.0, 19.2} {
		temps <- t
		<-maxSeen
	}
}
