package rangeclose

import "strings"

type upperPrinter struct {
	prefix string
	out    chan string
}

func (p *upperPrinter) run(in <-chan string) {
	for s := range in { // want "range over channel in never ends"
		p.out <- p.prefix + strings.ToUpper(s)
	}
}

// CaseMethodCall starts a method as a goroutine, "go p.run(ch)", with a
// channel that is never closed.
func CaseMethodCall() {
	p := &upperPrinter{prefix: "> ", out: make(chan string)}
	words := make(chan string)
	go p.run(words)
	for _, w := range []string{"one", "two"} {
		words <- w
		<-p.out
	}
}
