package testmain_test

import (
	"os"
	"testing"

	"example.com/leakfix/testmain"
)

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestWait(t *testing.T) {
	testmain.Wait()
}
