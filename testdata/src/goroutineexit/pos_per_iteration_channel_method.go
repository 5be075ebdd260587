package goroutineexit

import "time"

type healthProber struct {
	hosts []string
	slow  time.Duration
}

// checkHost answers on up once the check is done.
func (p *healthProber) checkHost(host string, up chan<- bool) {
	time.Sleep(p.slow)
	up <- host != "" // want `goroutine blocks forever sending on up: if the select takes <-skip, nothing receives from up`
}

// firstHealthy skips a host whose check is not back by the time a
// skip signal arrives, and then forgets that host's check.
func (p *healthProber) firstHealthy(skip <-chan struct{}) string {
	for _, h := range p.hosts {
		if h == "" {
			continue
		}
		up := make(chan bool)
		go p.checkHost(h, up)
		select {
		case ok := <-up:
			if ok {
				return h
			}
		case <-skip:
			continue
		}
	}
	return ""
}

// CasePerIterationChannelMethod skips every host at once.
func CasePerIterationChannelMethod() {
	skip := make(chan struct{})
	close(skip)
	p := &healthProber{hosts: []string{"a", "b"}, slow: 20 * time.Millisecond}
	_ = p.firstHealthy(skip)
}
