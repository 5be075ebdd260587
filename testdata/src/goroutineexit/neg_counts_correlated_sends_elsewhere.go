package goroutineexit

import "errors"

var errBlankQuery = errors.New("empty query")

func runQuery(q string) []string { return []string{q} }

// searchRows sends an empty query's error on errc and a result on rows; the
// function reads whichever its own test of the query says will come.
func searchRows(q string) ([]string, error) {
	rows := make(chan []string)
	errc := make(chan error)
	go func() {
		if q == "" {
			errc <- errBlankQuery
			return
		}
		rows <- runQuery(q)
	}()
	if q == "" {
		return nil, <-errc
	}
	return <-rows, nil
}

// CaseCountsCorrelatedSendsElsewhere searches with and without a query.
func CaseCountsCorrelatedSendsElsewhere() {
	_, _ = searchRows("")
	_, _ = searchRows("go")
}
