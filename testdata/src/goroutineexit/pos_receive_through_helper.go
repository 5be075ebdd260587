package goroutineexit

// takeOneVote receives a single value from its parameter.
func takeOneVote(votes <-chan bool) bool { return <-votes }

// firstVote starts three voters and reads one vote through a helper.
func firstVote(voters []string) bool {
	votes := make(chan bool)
	for _, v := range voters {
		go func() {
			votes <- len(v)%2 == 0 // want `goroutines started in a loop block forever sending on votes: at most 1 value is received`
		}()
	}
	return takeOneVote(votes)
}

// CaseReceiveThroughHelper asks three voters.
func CaseReceiveThroughHelper() {
	_ = firstVote([]string{"ann", "bob", "carla"})
}
