// Package main does not type-check: the end-to-end test checks that leakvet
// reports the type error once and nothing else.
package main

func main() {
	var n int = "one"
	_ = n
}
