package valueflow_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/leakvet/leakvet/internal/valueflow"
)

// walkMarked builds src and follows the channel made by the make(chan)
// on the line that ends with the comment "// " + mark, returning the
// recorded operations and the walk.
func walkMarked(t *testing.T, src, mark string, opts valueflow.Options) ([]string, *valueflow.Walk[string]) {
	t.Helper()
	line := 0
	for i, l := range strings.Split(src, "\n") {
		if strings.HasSuffix(l, "// "+mark) {
			line = i + 1
		}
	}
	if line == 0 {
		t.Fatalf("no line marked %q", mark)
	}
	pkg, funcs := build(t, src)
	fset := pkg.Prog.Fset
	var mk *ssa.MakeChan
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if m, ok := instr.(*ssa.MakeChan); ok && fset.Position(m.Pos()).Line == line {
					mk = m
				}
			}
		}
	}
	if mk == nil {
		t.Fatalf("no make(chan) on line %d", line)
	}
	r := &recorder{fset: fset}
	w := valueflow.New(valueflow.NewPackage(pkg, funcs), r, opts)
	w.Value(mk, "")
	slices.Sort(r.ops)
	return r.ops, w
}

// follows checks that the walk of the channel marked mark in src does
// not escape and records exactly want.
func follows(t *testing.T, src, mark string, opts valueflow.Options, want ...string) {
	t.Helper()
	ops, w := walkMarked(t, src, mark, opts)
	if w.Escaped() || !slices.Equal(ops, want) {
		t.Errorf("%s: escaped %v, ops %q; want not escaped, %q", mark, w.Escaped(), ops, want)
	}
}

// escapes checks that the walk of the channel marked mark in src escapes.
func escapes(t *testing.T, src, mark string, opts valueflow.Options) {
	t.Helper()
	if ops, w := walkMarked(t, src, mark, opts); !w.Escaped() {
		t.Errorf("%s: not escaped (ops %q); want escaped", mark, ops)
	}
}

func TestSliceElements(t *testing.T) {
	const src = `package p

func work(c chan int) {
	for range c {
	}
}

func pool(n int) {
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int) // value
		go work(chans[i])
	}
	for _, c := range chans {
		c <- 1
	}
	for i := 0; i < len(chans); i++ {
		close(chans[i])
	}
}
`
	follows(t, src, "value", valueflow.Options{}, "close pool", "recv work go@12", "send pool")
}

func TestArrayAndLiteral(t *testing.T) {
	const src = `package p

func lit() {
	ch := make(chan int) // value
	all := []chan int{ch, nil}
	go func() { <-all[0] }()
	var arr [2]chan int
	arr[1] = ch
	for _, c := range arr {
		close(c)
	}
	whole := arr
	whole[0] <- 1
}
`
	follows(t, src, "value", valueflow.Options{}, "close lit", "recv lit$1 go@6", "send lit")
}

func TestAppendAndParams(t *testing.T) {
	const src = `package p

func start(n int) {
	var chans []chan int
	for i := 0; i < n; i++ {
		ch := make(chan int) // value
		chans = append(chans, ch)
	}
	drain(chans[1:])
	more := append([]chan int(nil), chans...)
	close(more[0])
}

func drain(cs []chan int) {
	for _, c := range cs {
		go func() { <-c }()
	}
}
`
	follows(t, src, "value", valueflow.Options{}, "close start", "recv drain$1 go@16")
}

func TestMapElements(t *testing.T) {
	const src = `package p

func tenants() {
	queues := map[string]chan int{}
	for _, t := range []string{"a", "b"} {
		queues[t] = make(chan int) // value
	}
	for t := range queues {
		go func() {
			for range queues[t] {
			}
		}()
	}
	if q, ok := queues["a"]; ok {
		q <- 1
	}
	for _, q := range queues {
		close(q)
	}
	delete(queues, "a")
	clear(queues)
}
`
	follows(t, src, "value", valueflow.Options{}, "close tenants", "recv tenants$1 go@9", "send tenants")
}

func TestMapKeysInField(t *testing.T) {
	const src = `package p

type broker struct{ subs map[chan int]bool }

func newBroker() *broker { return &broker{subs: make(map[chan int]bool)} }

func (b *broker) subscribe() {
	ch := make(chan int) // value
	b.subs[ch] = true
	go func() {
		for range ch {
		}
	}()
	if b.subs[ch] {
		return
	}
}

func (b *broker) stop() {
	for ch := range b.subs {
		close(ch)
		delete(b.subs, ch)
	}
}
`
	follows(t, src, "value", valueflow.Options{Fields: true}, "close stop far", "recv subscribe$1 go@10")
	escapes(t, src, "value", valueflow.Options{}) // the map is in a field, not followed
}

func TestFieldOfSlices(t *testing.T) {
	const src = `package p

type pool struct{ workers []chan int }

func newPool(n int) *pool {
	p := &pool{workers: make([]chan int, n)}
	for i := range p.workers {
		p.workers[i] = make(chan int) // value
	}
	return p
}

func (p *pool) stop() { closeAll(p.workers) }

func closeAll(cs []chan int) {
	for _, c := range cs {
		close(c)
	}
}
`
	follows(t, src, "value", valueflow.Options{Fields: true}, "close closeAll far")
	if _, w := walkMarked(t, src, "value", valueflow.Options{Fields: true}); !w.Kept() {
		t.Errorf("a channel in a slice kept in a field must be kept")
	}
	escapes(t, src, "value", valueflow.Options{})
}

// TestContainerPhases checks that the loads of elements of a container
// kept in a field are far, and that a container escaping from there
// leaves the near record complete.
func TestContainerPhases(t *testing.T) {
	const src = `package p

var Leaked []chan int

type hub struct{ outs []chan int }

func (h *hub) add() {
	ch := make(chan int) // value
	h.outs = append(h.outs, ch)
	go func() { ch <- 1 }()
	<-ch
}

func (h *hub) leak() { Leaked = h.outs }
`
	ops, w := walkMarked(t, src, "value", valueflow.Options{Fields: true})
	if want := []string{"recv add", "send add$1 go@10"}; !w.EscapedFar() || !slices.Equal(ops, want) {
		t.Errorf("escaped far %v, ops %q; want escaped far, %q", w.EscapedFar(), ops, want)
	}
}

func TestNested(t *testing.T) {
	const src = `package p

func groups(keys []string) {
	m := map[string][]chan int{}
	for _, k := range keys {
		ch := make(chan int) // value
		m[k] = append(m[k], ch)
	}
	for _, chs := range m {
		for _, c := range chs {
			close(c)
		}
	}
}
`
	follows(t, src, "value", valueflow.Options{}, "close groups")
}

func TestCarrier(t *testing.T) {
	const src = `package p

func server(requests chan chan int) {
	for reply := range requests {
		reply <- 1
	}
}

func client() {
	requests := make(chan chan int)
	go server(requests)
	reply := make(chan int) // value
	requests <- reply
	<-reply
	close(requests)
	once := make(chan chan int, 1)
	once <- reply
	close(<-once)
}

func selector(requests chan chan int, quit chan struct{}) {
	for {
		select {
		case reply := <-requests:
			close(reply)
		case <-quit:
			return
		}
	}
}

func client2() {
	requests := make(chan chan int)
	quit := make(chan struct{})
	go selector(requests, quit)
	reply := make(chan int) // select
	select {
	case requests <- reply:
	case <-quit:
	}
	if _, ok := <-reply; ok {
		return
	}
	r, ok := <-requests
	_, _ = r, ok
}
`
	follows(t, src, "value", valueflow.Options{}, "close client", "recv client", "send server go@11")
	follows(t, src, "select", valueflow.Options{}, "close selector go@35", "recv client2")
}

func TestContainerEscapes(t *testing.T) {
	const src = `package p

var Sink []chan int

func global() {
	ch := make(chan int) // global
	s := []chan int{ch}
	Sink = s
}

func funcValue(f func([]chan int)) {
	ch := make(chan int) // func value
	f([]chan int{ch})
}

func Returned() []chan int {
	ch := make(chan int) // returned
	return []chan int{ch}
}

func returnedUnexported() []chan int {
	ch := make(chan int) // returned unexported
	return []chan int{ch}
}

func useReturned() { close(returnedUnexported()[0]) }

func Carrier(out chan chan int) {
	ch := make(chan int) // carrier parameter
	out <- ch
}

func carrierToFuncValue(f func(chan chan int)) {
	ch := make(chan int) // carrier handed over
	c := make(chan chan int, 1)
	c <- ch
	f(c)
}

func elementAddress(f func(*chan int)) {
	ch := make(chan int) // element address
	s := []chan int{ch}
	f(&s[0])
}

func mixed() {
	a := make(chan int) // mixed
	b := make(chan int)
	s := []chan int{a, b}
	<-s[1]
}

func mixedPhi(c bool) {
	a := make(chan int) // mixed phi
	s := []chan int{a}
	if c {
		s = []chan int{make(chan int)}
	}
	<-s[0]
}

func MixedMap(m map[string]chan int) {
	a := make(chan int) // map parameter
	m["a"] = a
}

func deep() {
	ch := make(chan int) // deep
	a := [][][][]chan int{{{{ch}}}}
	_ = a
}
`
	for _, mark := range []string{"global", "func value", "returned", "returned unexported", "carrier parameter", "carrier handed over",
		"element address", "mixed", "mixed phi", "map parameter", "deep"} {
		escapes(t, src, mark, valueflow.Options{})
	}
}

// TestContainerBudget checks that the walks of containers spend the
// walk's one budget: a container with more aliases than Budget ends the
// walk of a value that has only a few.
func TestContainerBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("package p\n\nfunc many() {\n\tch := make(chan int) // value\n\ts := []chan int{ch}\n")
	for range valueflow.Budget + 10 {
		b.WriteString("\t_ = s[1:]\n")
	}
	b.WriteString("\t<-s[0]\n}\n")
	escapes(t, b.String(), "value", valueflow.Options{})
}
