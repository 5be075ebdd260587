package lostsignal

import (
	"bytes"
	"os/exec"
)

// version runs a command, returning at once when it could not even be
// started (there is nothing to wait for then), and waiting for it
// otherwise.
func version(tool string) (string, error) {
	var out bytes.Buffer
	cmd := exec.Command(tool)
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		return "", err
	}
	if err := cmd.Wait(); err != nil {
		return "", err
	}
	return out.String(), nil
}

// CaseCmdStartFailureBranch runs a command that exists and one that does
// not.
func CaseCmdStartFailureBranch() {
	version("true")
	version("/nonexistent/tool")
}
