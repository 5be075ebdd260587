package lostsignal

import "errors"

// validate checks cfg in a goroutine and sends the verdict on a channel
// whose buffer holds it: the send never blocks.
func validate(cfg map[string]string) <-chan error {
	errc := make(chan error, 1)
	go func() {
		if cfg["name"] == "" {
			errc <- errors.New("no name")
			return
		}
		errc <- nil
	}()
	return errc
}

// CaseBufferedSingleSend ignores the verdict; the goroutine still ends.
func CaseBufferedSingleSend() {
	_ = validate(map[string]string{})
}
