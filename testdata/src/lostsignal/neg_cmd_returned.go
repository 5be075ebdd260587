package lostsignal

import "os/exec"

// spawn starts a command and hands it to the caller, who reaps it.
func spawn(name string) (*exec.Cmd, error) {
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// CaseCmdReturned waits for the returned command.
func CaseCmdReturned() {
	cmd, err := spawn("true")
	if err == nil {
		cmd.Wait()
	}
}
