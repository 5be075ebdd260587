package goroutineexit

import "time"

func calibrateReading(r float64) float64 {
	time.Sleep(3 * time.Millisecond)
	return r * 1.01
}

func storeSample(float64) {}

// sampleSensors stops the sampler at once with its own stop channel;
// the calibrating goroutine still has readings to hand over.
func sampleSensors(readings []float64) {
	samples := make(chan float64)
	stop := make(chan struct{})
	go func() {
		for _, r := range readings {
			samples <- calibrateReading(r) // want `goroutine blocks forever sending on samples: the goroutine started at line 22 returns at line 28 once its select at line 24 takes <-stop, and nothing else receives from samples`
		}
	}()
	go func() {
		for {
			select {
			case s := <-samples:
				storeSample(s)
			case <-stop:
				return
			}
		}
	}()
	close(stop)
}

// CaseSchedStopChannel samples two readings.
func CaseSchedStopChannel() {
	sampleSensors([]float64{20.5, 21})
	time.Sleep(20 * time.Millisecond)
}
