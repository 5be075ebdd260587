// Package nochan starts a goroutine but never mentions a channel:
// chanflow does not build its SSA form, and builds it on first request.
package nochan

func Start(f func()) {
	go f()
}
