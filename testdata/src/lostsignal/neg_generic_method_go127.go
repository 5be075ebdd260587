//go:build go1.27

package lostsignal

import "lostsignal/starter"

// CaseGenericMethodReceived receives the results of both generic methods.
func CaseGenericMethodReceived() {
	var p starter.Pool
	<-p.Submit(func() string { return "done" })
	l := &loader{prefix: "cfg/"}
	<-l.load("size", func(s string) int { return len(s) })
}
