package lostsignal

import "strings"

// render renders page in a goroutine and returns the channel on which the
// result arrives.
func render(page string) <-chan string {
	out := make(chan string)
	go func() {
		out <- strings.ToUpper(page)
	}()
	return out
}

var renderCache = map[string]string{"home": "HOME"}

// cachedRender starts rendering before looking in the cache, and forgets
// the rendering when the cache has the page.
func cachedRender(page string) string {
	result := render(page) // want `the channel returned by render is not received from on the path that returns at line 22, so the goroutine started at line 9 blocks forever sending on it`
	if s, ok := renderCache[page]; ok {
		return s
	}
	return <-result
}

// CaseReceivedOnSomePaths renders a cached page: the rendering goroutine
// is abandoned.
func CaseReceivedOnSomePaths() {
	_ = cachedRender("home")
}
