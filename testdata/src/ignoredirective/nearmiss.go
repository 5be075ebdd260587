package ignoredirective

//oracle:skip the corpus of ignoredirective is comments: it starts no goroutine

// Directives misspelled with blanks silence nothing, and say so.

func spaceAfterSlashes() {
	// want +1 `// leakvet:ignore is not a directive and silences nothing: write //leakvet:ignore, with no blanks`
	// leakvet:ignore rangeclose the producer runs for the life of the process
}

func spaceAfterColon() {
	// want +1 `//leakvet: ignore is not a directive`
	//leakvet: ignore goroutineexit the worker lives as long as the server
}

func spaceBeforeColon() {
	// want +1 `// leakvet :ignore is not a directive`
	// leakvet :ignore all generated code
}

func tabAfterSlashes() {
	// want +1 `//	leakvet:ignore is not a directive`
	//	leakvet:ignore lostsignal,rangeclose a list of names
}

func bareSpaced() {
	// want +1 `// leakvet:ignore is not a directive`
	// leakvet:ignore
}

func upperCase() {
	// want +1 `//LeakVet:Ignore is not a directive`
	//LeakVet:Ignore rangeclose the producer never stops
}

func trailingSpaced() {
	_ = 1 // leakvet:ignore rangeclose a trailing near miss // want `// leakvet:ignore is not a directive`
}

// Prose that mentions the directive is not a near miss.

// leakvet:ignore with a space is prose: "with" is no analyzer
// leakvet: ignore what follows unless it names an analyzer
// See leakvet:ignore rangeclose in the manual: the comment does not start with it.
//	// leakvet:ignore rangeclose quoted in an indented example
/* leakvet:ignore rangeclose in a block comment */
//leakvet:ignorerangeclose is another word
func proseNearMiss() {}
