package rangeclose

//oracle:falsenegative Items is an exported field of an exported type, so an importer could close it and the analyzer stays silent, but here nobody does and the pump blocks forever

// Feed is an exported type whose exported channel field callers fill.
type Feed struct {
	Items chan string
	acks  chan int
}

func (f *Feed) pump() {
	n := 0
	for range f.Items {
		n++
		f.acks <- n
	}
}

// CaseExportedFieldNeverClosed starts the pump and never closes Items.
func CaseExportedFieldNeverClosed() {
	f := &Feed{Items: make(chan string), acks: make(chan int)}
	go f.pump()
	f.Items <- "news"
	<-f.acks
	f.Items <- "weather"
	<-f.acks
}
