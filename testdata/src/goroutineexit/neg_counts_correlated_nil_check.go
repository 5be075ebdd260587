package goroutineexit

import "errors"

var errNoStore = errors.New("no store")

type profileStore struct{ names map[string]string }

func (s *profileStore) get(id string) string { return s.names[id] }

// loadAccount returns early without a store, and so does its goroutine:
// on that path nothing is sent, and nothing needs to be received.
func loadAccount(store *profileStore, id string) (string, error) {
	res := make(chan string)
	go func() {
		if store == nil {
			return
		}
		res <- store.get(id)
	}()
	if store == nil {
		return "", errNoStore
	}
	return <-res, nil
}

// CaseCountsCorrelatedNilCheck loads with and without a store.
func CaseCountsCorrelatedNilCheck() {
	_, _ = loadAccount(nil, "ann")
	_, _ = loadAccount(&profileStore{names: map[string]string{"ann": "Ann"}}, "ann")
}
