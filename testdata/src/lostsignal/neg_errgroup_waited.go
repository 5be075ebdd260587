package lostsignal

import (
	"errors"

	"golang.org/x/sync/errgroup"
)

// hashAll returns before starting anything when the input is empty, and
// waits for the group on every path after the first Go.
func hashAll(blobs [][]byte) error {
	if len(blobs) == 0 {
		return errors.New("nothing to hash")
	}
	var g errgroup.Group
	g.SetLimit(2)
	for _, b := range blobs {
		g.Go(func() error {
			_ = len(b)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return nil
}

// CaseErrgroupWaited hashes two blobs.
func CaseErrgroupWaited() {
	_ = hashAll([][]byte{[]byte("a"), []byte("b")})
}
