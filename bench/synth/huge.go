package synth

import (
	"fmt"
	"strings"
)

// hugeHeader starts every package made by Huge.
const hugeHeader = `// Code made by synth.Huge for the size-budget benchmark.

package huge

import "context"

`

// hugeTop is the simplest leak of all, at the top of the huge function: a
// sender that nobody receives from once ctx is done.
const hugeTop = `	first := make(chan int)
	go func() { first <- len(states) }()
	select {
	case v := <-first:
		total += v
	case <-ctx.Done():
		return total
	}
`

// hugeCase is one case of the huge function's switch, %[1]d its number: a
// forgotten sender of its own, and a send on the state machine's shared
// channel, so that the function has channel operations all through it.
const hugeCase = `	case %[1]d:
		res%[1]d := make(chan int)
		go func() { res%[1]d <- s }()
		if total > %[1]d {
			return total
		}
		total += <-res%[1]d
		ticks <- s
`

// hugeLinesPerCase is the number of lines of hugeCase.
var hugeLinesPerCase = strings.Count(hugeCase, "\n")

// Huge returns the source of a package whose function run is about lines
// long: a leak at its top (a sender abandoned when ctx is done), then a
// state machine whose every case starts a goroutine that is abandoned on
// one path and sends on a shared channel that is ranged over and never
// closed. Every case is a leak, and the function has about one block for
// every 4.5 lines.
func Huge(lines int) string {
	var b strings.Builder
	b.WriteString(hugeHeader)
	b.WriteString("func run(ctx context.Context, states []int) int {\n\ttotal := 0\n")
	b.WriteString("\tticks := make(chan int, 1)\n\tgo func() {\n\t\tfor range ticks {\n\t\t}\n\t}()\n")
	b.WriteString(hugeTop)
	b.WriteString("\tswitch s := len(states); s {\n")
	for i := range HugeCases(lines) {
		fmt.Fprintf(&b, hugeCase, i)
	}
	b.WriteString("\t}\n\treturn total\n}\n")
	return b.String()
}

// HugeCases returns the number of cases of the switch in Huge(lines).
func HugeCases(lines int) int { return lines / hugeLinesPerCase }
