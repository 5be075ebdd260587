package rangeclose

// CaseTwoLevelHelpers passes the channel through two helper functions
// before the goroutine that ranges over it is started.
func CaseTwoLevelHelpers() {
	records := make(chan string)
	stored := make(chan int)
	setupIngest(records, stored)
	for _, r := range []string{"a=1", "b=2"} {
		records <- r
		<-stored
	}
}

func setupIngest(records <-chan string, stored chan<- int) {
	launchIngest(records, stored)
}

func launchIngest(records <-chan string, stored chan<- int) {
	go ingestLoop(records, stored)
}

func ingestLoop(records <-chan string, stored chan<- int) {
	bytes := 0
	for r := range records { // want "range over channel records never ends"
		bytes += len(r)
		stored <- bytes
	}
}
