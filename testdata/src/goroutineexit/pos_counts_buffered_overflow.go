package goroutineexit

// stageUpload queues the parts of an upload in a buffered channel that
// nothing ever drains: the third part blocks the caller forever.
func stageUpload(name string) int {
	parts := make(chan string, 2)
	parts <- name + ".manifest"
	parts <- name + ".index"
	parts <- name + ".data" // want `^blocks forever on its third send on parts: parts has a buffer of 2 and nothing in the package receives from it$`
	return len(parts)
}

// CaseCountsBufferedOverflow stages one upload.
func CaseCountsBufferedOverflow() {
	_ = stageUpload("photo")
}
