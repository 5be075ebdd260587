package goroutineexit

// preloadKeys reserves one slot fewer than it has keys, and nothing takes
// a key out: the last key blocks.
func preloadKeys(keys []string) int {
	slots := make(chan string, len(keys)-1)
	for _, k := range keys {
		slots <- k // want `^blocks forever sending on slots in a loop: its buffer holds 1 value fewer than the loop sends and nothing in the package receives from it$`
	}
	return len(slots)
}

// CaseCountsBufferedLenShort preloads three keys.
func CaseCountsBufferedLenShort() {
	_ = preloadKeys([]string{"a", "b", "c"})
}
