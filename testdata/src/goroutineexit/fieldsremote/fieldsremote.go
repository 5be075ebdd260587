// Package fieldsremote holds code of another package for the fields cases
// of the goroutineexit corpus: what an importer does with a value it is
// handed.
package fieldsremote

import (
	"reflect"
	"sync"
)

// Finish calls Done on a WaitGroup it is handed.
func Finish(wg *sync.WaitGroup) {
	wg.Done()
}

// Take receives one value from the channel in v's exported field name,
// as an importer that knows the type would with v.Name.
func Take[T any](v *T, name string) {
	reflect.ValueOf(v).Elem().FieldByName(name).Recv()
}
