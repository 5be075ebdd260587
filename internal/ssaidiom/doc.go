// Package ssaidiom holds the go/ssa idioms that leakvet's passes share:
// control-flow questions over a function's blocks, and the shapes in
// which go/ssa lowers Go code that the passes must decode (a select's
// cases, a comma-ok receive, constants, nil).
//
// Those shapes are not part of go/ssa's API: they follow from how its
// builder lowers statements, which can change with an x/tools upgrade. So
// each decoder lives here once, and the tests of this package build SSA
// from small source strings and check the shapes it expects, so that an
// upgrade that changes them fails here first, with a message naming the
// idiom, rather than as a silent false negative in a pass.
//
// The name keeps the package apart from x/tools' go/ssa/ssautil, which
// leakvet also uses.
package ssaidiom
