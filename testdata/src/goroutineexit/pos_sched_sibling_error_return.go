package goroutineexit

import (
	"errors"
	"time"
)

var errStoreOffline = errors.New("profile store offline")

type profileVault struct{}

func openProfileVault() (*profileVault, error) { return nil, errStoreOffline }

func (*profileVault) put(string) {}

func buildProfile(ids []string) string {
	time.Sleep(2 * time.Millisecond)
	return "profile of " + ids[0]
}

// syncProfiles builds a profile in one goroutine and stores it from
// another, which returns when the store cannot be opened: before its
// receive, so the builder's send has nobody to go to.
func syncProfiles(ids []string) {
	profiles := make(chan string)
	go func() {
		profiles <- buildProfile(ids) // want `goroutine blocks forever sending on profiles: the goroutine started at line 29 returns at line 32, and nothing else receives from profiles`
	}()
	go func() {
		st, err := openProfileVault()
		if err != nil {
			return
		}
		st.put(<-profiles)
	}()
}

// CaseSchedSiblingErrorReturn syncs while the store is offline.
func CaseSchedSiblingErrorReturn() {
	syncProfiles([]string{"u1"})
	time.Sleep(10 * time.Millisecond)
}
