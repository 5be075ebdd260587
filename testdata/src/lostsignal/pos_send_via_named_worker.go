package lostsignal

// checksum sums data and sends the sum on out.
func checksum(data []byte, out chan<- uint32) {
	var sum uint32
	for _, b := range data {
		sum += uint32(b)
	}
	out <- sum
}

// startChecksum runs checksum in a goroutine.
func startChecksum(data []byte) <-chan uint32 {
	out := make(chan uint32)
	go checksum(data, out)
	return out
}

// CaseSendViaNamedWorker starts a checksum and drops it.
func CaseSendViaNamedWorker() {
	startChecksum([]byte("payload")) // want `the channel returned by startChecksum is discarded, so the goroutine started at line 15 blocks forever`
}
