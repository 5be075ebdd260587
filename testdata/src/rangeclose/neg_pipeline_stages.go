package rangeclose

import "strings"

// CasePipelineStages chains three stages; each stage ranges over its input
// and closes its output when done, so the close travels down the pipeline.
func CasePipelineStages() {
	src := make(chan string)
	trimmed := make(chan string)
	upper := make(chan string)
	go trimStage(src, trimmed)
	go upperStage(trimmed, upper)
	go func() {
		defer close(src)
		for _, s := range []string{" a ", "b ", " c"} {
			src <- s
		}
	}()
	var got []string
	for s := range upper {
		got = append(got, s)
	}
	_ = got
}

func trimStage(in <-chan string, out chan<- string) {
	defer close(out)
	for s := range in {
		out <- strings.TrimSpace(s)
	}
}

func upperStage(in <-chan string, out chan<- string) {
	for s := range in {
		out <- strings.ToUpper(s)
	}
	close(out)
}
