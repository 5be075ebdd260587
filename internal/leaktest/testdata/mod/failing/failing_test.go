package failing

import "testing"

func TestSendFails(t *testing.T) {
	Send()
	t.Fatal("this test fails on purpose")
}
