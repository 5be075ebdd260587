package goroutineexit

import "sync"

type lazyConfig struct {
	once   sync.Once
	loaded chan struct{}
	value  map[string]string
}

// get loads the configuration in a goroutine, once; every caller waits
// for the loader, which always closes loaded.
func (c *lazyConfig) get(key string) string {
	c.once.Do(func() {
		c.loaded = make(chan struct{})
		go func() {
			defer close(c.loaded)
			c.value = map[string]string{"region": "eu-west"}
		}()
	})
	<-c.loaded
	return c.value[key]
}

// CaseSyncOnce reads twice.
func CaseSyncOnce() {
	c := &lazyConfig{}
	_ = c.get("region")
	_ = c.get("zone")
}
