package rangeclose

// CaseChannelInMap keeps one queue per tenant in a map and starts a
// consumer per queue; none of the queues is ever closed.
func CaseChannelInMap() {
	queues := map[string]chan int{}
	for _, tenant := range []string{"acme", "globex"} {
		queues[tenant] = make(chan int)
	}
	served := make(chan string)
	for tenant := range queues {
		go serveTenant(tenant, queues[tenant], served)
	}
	queues["acme"] <- 1
	<-served
	queues["globex"] <- 2
	<-served
}

func serveTenant(name string, q <-chan int, served chan<- string) {
	for range q { // want "range over channel q never ends"
		served <- name
	}
}
