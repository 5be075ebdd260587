package lostsignal

import "sync"

// server keeps a WaitGroup for its connections and waits for them in
// Close.
type server struct {
	wg sync.WaitGroup
}

func (s *server) serve(conns []string) {
	for _, c := range conns {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			_ = c
		}()
	}
}

// Close waits for every connection.
func (s *server) Close() { s.wg.Wait() }

// CaseWaitgroupInStructClose serves and then closes.
func CaseWaitgroupInStructClose() {
	s := &server{}
	s.serve([]string{"c1", "c2"})
	s.Close()
}
