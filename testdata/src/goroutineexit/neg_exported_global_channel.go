package goroutineexit

// LatestQuote may be read by importers: the quote may be taken there.
var LatestQuote chan float64

func publishLatestQuote(p float64) {
	q := make(chan float64)
	LatestQuote = q
	go func() { q <- p }()
}

// CaseExportedGlobalChannel publishes one quote and takes it, as an
// importer would.
func CaseExportedGlobalChannel() {
	publishLatestQuote(1.25)
	_ = <-LatestQuote
}
