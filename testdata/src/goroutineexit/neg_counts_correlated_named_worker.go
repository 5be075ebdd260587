package goroutineexit

type blobSource struct{ data []byte }

// readBlob sends the blob only when there is a source to read, on the
// channel it is handed.
func readBlob(src *blobSource, out chan<- []byte) {
	if src == nil {
		return
	}
	out <- src.data
}

// fetchBlob starts readBlob and, like it, gives up without a source; the
// goroutine then sends nothing.
func fetchBlob(src *blobSource) []byte {
	out := make(chan []byte)
	go readBlob(src, out)
	if src == nil {
		return nil
	}
	return <-out
}

// CaseCountsCorrelatedNamedWorker fetches with and without a source.
func CaseCountsCorrelatedNamedWorker() {
	_ = fetchBlob(nil)
	_ = fetchBlob(&blobSource{data: []byte("x")})
}
