package goroutineexit

func checkPart(i int) error {
	if i >= 0 {
		return errHostDown
	}
	return nil
}

//oracle:falsenegative the goroutines are started by a three-clause loop whose variable the func literal captures; go/ssa then tests a fresh variable per iteration, not a counter, so the loop is not recognised as counted and the receive loop's count cannot be matched
func checkParts(n int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		go func() {
			errc <- checkPart(i)
		}()
	}
	for j := 0; j < n; j++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// CaseCountsCapturedLoopVar checks three parts that all fail.
func CaseCountsCapturedLoopVar() {
	_ = checkParts(3)
}
