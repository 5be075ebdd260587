package goroutineexit

import "errors"

var errUploadRejected = errors.New("upload rejected")

// upload starts a progress reporter that waits for done; done is closed
// by a defer, so every return releases it, the early one included.
func upload(size int) error {
	done := make(chan struct{})
	defer close(done)
	progress := new(int)
	go func() {
		<-done
		*progress = size
	}()
	if size > 1024 {
		return errUploadRejected
	}
	return nil
}

// CaseDeferredCloseDone uploads a file that is too big.
func CaseDeferredCloseDone() {
	_ = upload(4096)
}
