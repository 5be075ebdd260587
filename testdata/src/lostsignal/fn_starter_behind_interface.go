package lostsignal

//oracle:falsenegative the starter is called through an interface method, so which function runs is unknown statically; its dropped result channel abandons a goroutine, but the analyzer cannot know it

// fetcher fetches things.
type fetcher interface {
	Fetch(key string) <-chan string
}

type memFetcher struct{}

func (memFetcher) Fetch(key string) <-chan string { // want Fetch:`handles\(0:send\)`
	out := make(chan string)
	go func() {
		out <- "value of " + key
	}()
	return out
}

// CaseStarterBehindInterface drops the channel of a call through an
// interface.
func CaseStarterBehindInterface() {
	var f fetcher = memFetcher{}
	f.Fetch("k")
}
