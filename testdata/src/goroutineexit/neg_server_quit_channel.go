package goroutineexit

type kvRequest struct {
	key   string
	reply chan string
}

// kvServer is a long-lived server loop; its quit case is the way out.
type kvServer struct {
	requests chan kvRequest
	quit     chan struct{}
	data     map[string]string
}

func startKV() *kvServer {
	s := &kvServer{
		requests: make(chan kvRequest),
		quit:     make(chan struct{}),
		data:     map[string]string{"lang": "go"},
	}
	go func() {
		for {
			select {
			case r := <-s.requests:
				r.reply <- s.data[r.key]
			case <-s.quit:
				return
			}
		}
	}()
	return s
}

func (s *kvServer) get(key string) string {
	reply := make(chan string, 1)
	s.requests <- kvRequest{key: key, reply: reply}
	return <-reply
}

func (s *kvServer) stop() { close(s.quit) }

// CaseServerQuitChannel serves two requests and stops the server.
func CaseServerQuitChannel() {
	s := startKV()
	_ = s.get("lang")
	_ = s.get("os")
	s.stop()
}
