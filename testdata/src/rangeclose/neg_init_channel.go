package rangeclose

import (
	"fmt"
	"os"
)

//oracle:skip the audit consumer started by init lives as long as the process by design, so there is nothing that could end; with RANGECLOSE_AUDIT unset init starts nothing
func init() {
	if os.Getenv("RANGECLOSE_AUDIT") == "" {
		return
	}
	entries := make(chan string, 16)
	go func() {
		for e := range entries {
			fmt.Fprintln(os.Stderr, "audit:", e)
		}
	}()
	entries <- "process started"
}
