package lostsignal

import "sync"

// loadShards starts one loader per shard and waits for them at the first
// record that needs every shard loaded, or at the end if no such record
// came: the two waits are guarded by the same condition, so every path
// waits exactly once. Reduced from a snapshot loader in a popular time
// series database, where a naive path search reports the end of the
// function as reachable without a wait.
func loadShards(records []string, shards int) int {
	var wg sync.WaitGroup
	loaded := make([]int, shards)
	wg.Add(shards)
	for i := range shards {
		go func() {
			defer wg.Done()
			loaded[i] = i + 1
		}()
	}
	total := 0
	for _, r := range records {
		if r == "exemplars" && total == 0 {
			wg.Wait()
			for _, n := range loaded {
				total += n
			}
		}
	}
	if total == 0 {
		wg.Wait()
	}
	return total
}

// CaseWaitgroupCorrelatedWaits loads with and without the record that
// waits early.
func CaseWaitgroupCorrelatedWaits() {
	_ = loadShards([]string{"series", "exemplars", "exemplars"}, 3)
	_ = loadShards([]string{"series"}, 2)
}
