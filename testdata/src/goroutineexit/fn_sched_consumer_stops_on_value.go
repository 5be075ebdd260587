package goroutineexit

import (
	"errors"
	"time"
)

var errBadRow = errors.New("bad row")

func checkRow(r string) error {
	if r == "" {
		return errBadRow
	}
	return nil
}

//oracle:falsenegative the consumer stops on the result of a check of a value it received: a value sent may decide that branch (a sentinel), so the interleaving model never lets it stop there, and the producer left blocked goes unreported
func importRows(rows []string) {
	parsed := make(chan string)
	go func() {
		for _, r := range rows {
			time.Sleep(time.Millisecond)
			parsed <- r
		}
		close(parsed)
	}()
	go func() {
		for r := range parsed {
			if err := checkRow(r); err != nil {
				return
			}
		}
	}()
}

// CaseSchedConsumerStopsOnValue imports a bad first row.
func CaseSchedConsumerStopsOnValue() {
	importRows([]string{"", "b", "c"})
	time.Sleep(20 * time.Millisecond)
}
