package main

import (
	_ "embed"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/cmd/leakvet/internal/cli"
)

// doc is the manual printed by "leakvet -h": the package comment of doc.go.
//
//go:embed doc.go
var doc string

func main() {
	cli.Main(doc, analyzers.Suite...)
}
