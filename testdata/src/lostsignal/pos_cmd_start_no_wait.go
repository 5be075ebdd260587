package lostsignal

import (
	"bytes"
	"os/exec"
)

//oracle:goleak the goroutine copying the child's output is blocked in a read system call, which the goroutineleak profile does not judge: judged by the goroutine still running after the case returned

// startBackup starts the backup tool, capturing its output, and never
// waits for it.
func startBackup() error {
	var out bytes.Buffer
	cmd := exec.Command("sleep", "10")
	cmd.Stdout = &out
	return cmd.Start() // want `cmd.Wait is never called: the process started by cmd.Start is never reaped, nor are the goroutines copying its I/O`
}

// CaseCmdStartNoWait starts the backup.
func CaseCmdStartNoWait() {
	_ = startBackup()
}
