//go:build go1.27

package remote

import "time"

// Service answers requests; its methods have type parameters of their own
// (generic methods, Go 1.27).
type Service struct{ Delay time.Duration }

// Answer sends one answer, made by f, on out after a short delay that
// stands for a round trip.
func (s *Service) Answer[T any](out chan<- T, f func() T) {
	time.Sleep(s.Delay)
	out <- f()
}
