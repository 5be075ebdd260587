package lostsignal

import (
	"bytes"
	"os/exec"
)

// listDir starts ls and reaps it with a deferred Wait on every path.
func listDir(dir string) string {
	var out bytes.Buffer
	cmd := exec.Command("true", dir)
	cmd.Stdout = &out
	if cmd.Start() != nil {
		return ""
	}
	defer cmd.Wait()
	if dir == "" {
		return "."
	}
	return out.String()
}

// CaseCmdDeferredWait lists two directories.
func CaseCmdDeferredWait() {
	listDir("")
	listDir("/")
}
