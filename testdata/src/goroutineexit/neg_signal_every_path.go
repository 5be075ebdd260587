package goroutineexit

import "errors"

var errShardOffline = errors.New("shard offline")

// probeShard reports its outcome on every path: the error too.
func probeShard(online bool) error {
	outcome := make(chan error)
	go func() {
		if !online {
			outcome <- errShardOffline
			return
		}
		outcome <- nil
	}()
	return <-outcome
}

// CaseSignalEveryPath probes an offline and an online shard.
func CaseSignalEveryPath() {
	_ = probeShard(false)
	_ = probeShard(true)
}
