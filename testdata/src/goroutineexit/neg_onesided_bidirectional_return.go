package goroutineexit

// mailbox hands out its inbox both ways: whoever gets it may send on it.
type mailbox struct{ inbox chan string }

func newMailbox() *mailbox { return &mailbox{inbox: make(chan string)} }

// Inbox returns the channel itself, not a receive-only view of it.
func (m *mailbox) Inbox() chan string { return m.inbox }

func readMail(m *mailbox) string { return <-m.Inbox() }

// CaseOneSidedBidirectionalReturn sends through the returned channel.
func CaseOneSidedBidirectionalReturn() {
	m := newMailbox()
	go func() { m.Inbox() <- "hello" }()
	_ = readMail(m)
}
