package lostsignal

//oracle:falsenegative the stop function is handed to a function that keeps it in a registry nobody ever drains; once a handle reaches code the analyzer does not follow, it stays silent by design

// startSampler starts a goroutine that runs until the returned function is
// called.
func startSampler(in <-chan int) func() {
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-in:
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

type registry struct {
	stops []func()
}

func (r *registry) add(stop func()) { r.stops = append(r.stops, stop) }

// CaseStopPassedToRegistry registers the stop function in a registry that
// is dropped without stopping anything.
func CaseStopPassedToRegistry() {
	r := &registry{}
	r.add(startSampler(make(chan int)))
}
