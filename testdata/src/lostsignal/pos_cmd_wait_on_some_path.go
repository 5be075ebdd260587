package lostsignal

import (
	"bytes"
	"errors"
	"os/exec"
)

//oracle:goleak the goroutine copying the child's output is blocked in a read system call, which the goroutineleak profile does not judge: judged by the goroutine still running after the case returned

// runTool starts a tool, then gives up on it without waiting when the
// caller's deadline is already gone.
func runTool(expired bool) error {
	var stderr bytes.Buffer
	cmd := exec.Command("sleep", "10")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil { // want `cmd.Wait is not called on the path that returns at line 22: the process started by cmd.Start is never reaped`
		return err
	}
	println("started", cmd.Process.Pid)
	if expired {
		return errors.New("deadline exceeded")
	}
	return cmd.Wait()
}

// CaseCmdWaitOnSomePath takes the expired path.
func CaseCmdWaitOnSomePath() {
	_ = runTool(true)
}
