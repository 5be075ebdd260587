package goroutineexit

// LatestQuote may be read by importers: the quote may be taken there.
var LatestQuote chan float64

func publishQuote(p float64) {
	q := make(chan float64)
	LatestQuote = q
	go func() { q <- p }()
}

// CaseExportedGlobalChannel publishes one quote and takes it, as an
// importer would.
func CaseExportedGlobalChannel() {
	publishQuote(1.25)
	_ = <-LatestQuote
}
