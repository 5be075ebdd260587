package rangeclose

// CaseNoSends starts a listener on a channel that nobody ever sends on or
// closes: the listener blocks at once and forever.
func CaseNoSends() {
	reloads := make(chan struct{})
	go func() {
		n := 0
		for range reloads { // want "range over channel reloads never ends"
			n++
		}
		_ = n
	}()
}
