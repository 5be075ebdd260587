package goroutineexit

//oracle:falsenegative the only receive happens inside takeOneVote, a call; the analyzer does not count receives done through calls, so it cannot see that two of the three voters are never received from

// takeOneVote receives a single value from its parameter.
func takeOneVote(votes <-chan bool) bool { return <-votes }

// firstVote starts three voters and reads one vote through a helper.
func firstVote(voters []string) bool {
	votes := make(chan bool)
	for _, v := range voters {
		go func() {
			votes <- len(v)%2 == 0
		}()
	}
	return takeOneVote(votes)
}

// CaseReceiveThroughHelper asks three voters.
func CaseReceiveThroughHelper() {
	_ = firstVote([]string{"ann", "bob", "carla"})
}
