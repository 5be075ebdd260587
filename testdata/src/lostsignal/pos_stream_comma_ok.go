package lostsignal

import "errors"

type reading struct {
	sensor string
	value  float64
	err    error
}

// poll reports the reading of every sensor, one per send.
func poll(sensors []string) chan reading {
	readings := make(chan reading)
	go func() {
		for _, s := range sensors {
			readings <- reading{sensor: s, value: float64(len(s))}
		}
		close(readings)
	}()
	return readings
}

// sumReadings adds the readings up and gives up at the first error or
// negative value, leaving poll's goroutine with readings to send.
func sumReadings(sensors []string) (float64, error) {
	ch := poll(sensors) // want `the loop at line 29 stops receiving from the channel returned by poll before it is closed, on the path that returns at line 34, so the goroutine started at line 14 blocks forever sending its next value`
	total := 0.0
	for {
		r, ok := <-ch
		if !ok {
			return total, nil
		}
		if r.err != nil || r.value < 0 {
			return 0, errors.Join(r.err, errors.New("bad reading from "+r.sensor))
		}
		if r.value > 4 {
			return total, errors.New("out of range: " + r.sensor)
		}
		total += r.value
	}
}

// CaseStreamCommaOk polls three sensors; the second is out of range.
func CaseStreamCommaOk() {
	_, _ = sumReadings([]string{"t1", "humid", "t3"})
}
