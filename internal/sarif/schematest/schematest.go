// Package schematest validates SARIF logs against the SARIF 2.1.0 JSON
// schema kept in internal/sarif/testdata. It is meant for tests only.
package schematest

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	once   sync.Once
	schema *jsonschema.Schema
	err    error
)

// Validate returns an error unless log is a SARIF 2.1.0 log that the
// official JSON schema accepts.
func Validate(log []byte) error {
	once.Do(func() {
		_, file, _, _ := runtime.Caller(0)
		path := filepath.Join(filepath.Dir(file), "..", "testdata", "sarif-schema-2.1.0.json")
		var data []byte
		if data, err = os.ReadFile(path); err != nil {
			return
		}
		var doc any
		if doc, err = jsonschema.UnmarshalJSON(bytes.NewReader(data)); err != nil {
			return
		}
		c := jsonschema.NewCompiler()
		if err = c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
			return
		}
		schema, err = c.Compile("sarif-schema-2.1.0.json")
	})
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		return err
	}
	return schema.Validate(inst)
}
