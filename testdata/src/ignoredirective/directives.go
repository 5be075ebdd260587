package ignoredirective

//oracle:skip the corpus of ignoredirective is comments: it starts no goroutine

// Well-formed directives: nothing to report.

//leakvet:ignore rangeclose the producer runs for the life of the process
func oneName() {}

//leakvet:ignore rangeclose,ignoredirective a list of names
func listOfNames() {}

//leakvet:ignore all generated code, checked by its generator
func allNames() {}

func trailing() {
	_ = 1 //leakvet:ignore rangeclose a trailing directive counts too
}

// Malformed directives, each reported once, at the directive.

func noReason() {
	// want +1 `leakvet:ignore directive gives no reason: write //leakvet:ignore rangeclose <reason>`
	//leakvet:ignore rangeclose
}

func noName() {
	// want +1 `leakvet:ignore directive names no analyzer`
	//leakvet:ignore
}

func unknownName() {
	// want +1 `leakvet:ignore directive names unknown analyzer rangeclos \(analyzers: .*rangeclose.*\)`
	//leakvet:ignore rangeclos a typo in the name
}

func unknownNames() {
	// want +1 `leakvet:ignore directive names unknown analyzers nosuch, other`
	//leakvet:ignore rangeclose,nosuch,other a list with unknown names
}

func emptyName() {
	// want +1 `leakvet:ignore directive has an empty analyzer name in rangeclose,`
	//leakvet:ignore rangeclose, a trailing comma
}

// Not directives at all.

// leakvet:ignore with a space is prose, as for other Go directives
//leakvet:ignored is another word
/* //leakvet:ignore rangeclose inside a block comment */
func prose() {}
