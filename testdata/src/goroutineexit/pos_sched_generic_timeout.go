package goroutineexit

import "time"

func slowItem[T any](v T) T {
	time.Sleep(10 * time.Millisecond)
	return v
}

// feedWithTimeout hands items to a consumer that waits at most a
// millisecond for each; the feeder does not know it has stopped.
func feedWithTimeout[T any](items []T, handle func(T)) {
	queue := make(chan T)
	go func() {
		for _, it := range items {
			queue <- slowItem(it) // want `goroutine blocks forever sending on queue: the goroutine started at line 19 returns at line 25 once its select at line 21 takes <-time\.After\(time\.Millisecond\), and nothing else receives from queue`
		}
	}()
	go func() {
		for {
			select {
			case it := <-queue:
				handle(it)
			case <-time.After(time.Millisecond):
				return
			}
		}
	}()
}

// CaseSchedGenericTimeout feeds two items.
func CaseSchedGenericTimeout() {
	feedWithTimeout([]int{1, 2}, func(int) {})
	time.Sleep(30 * time.Millisecond)
}
