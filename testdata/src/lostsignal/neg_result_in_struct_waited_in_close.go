package lostsignal

// uploader keeps the channel of its background upload, and waits for it
// in Close.
type uploader struct {
	result <-chan error
}

// upload uploads data in a goroutine.
func upload(data []byte) <-chan error {
	errc := make(chan error)
	go func() {
		errc <- nil
	}()
	return errc
}

func newUploader(data []byte) *uploader {
	return &uploader{result: upload(data)}
}

// Close waits for the upload.
func (u *uploader) Close() error {
	return <-u.result
}

// CaseResultInStructWaitedInClose stores the handle in a struct and waits
// for it in Close.
func CaseResultInStructWaitedInClose() {
	u := newUploader([]byte("x"))
	u.Close()
}
