package valueflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Package is what the walks of one package share: which functions are
// the package's, and the indexes of its direct calls and of its tracked
// fields, each built on first use by a walk that needs it. A Package
// belongs to one analysis pass and is not safe for concurrent use.
type Package struct {
	pkg   *ssa.Package
	funcs []*ssa.Function

	callers     map[*ssa.Function][]*ssa.Call
	fnValueUsed map[*ssa.Function]bool
	fieldRefs   map[field][]ssa.Value
	globalRefs  map[*ssa.Global][]ssa.Instruction
	leaving     map[*types.TypeName]bool // see confined
	allLeave    bool
}

// field names a field (its generic origin) of a struct type declared in
// the package.
type field struct {
	v *types.Var
}

// NewPackage returns the package pkg, whose source functions (closures
// included) are funcs.
func NewPackage(pkg *ssa.Package, funcs []*ssa.Function) *Package {
	return &Package{pkg: pkg, funcs: funcs}
}

// Local reports whether fn has a body that belongs to the package
// (closures and synthetic wrappers included): a walk may enter it.
func (p *Package) Local(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	if fn.Pkg != nil {
		return fn.Pkg == p.pkg
	}
	// Synthetic wrappers (bound methods, thunks) have no package; they are
	// built from this package's program and may be followed when they
	// merely call a function of this package.
	return fn.Synthetic != "" && fn.Prog == p.pkg.Prog
}

// directCalls returns the calls of fn in the package, when fn is an
// unexported package-level function whose every use is a direct call
// (not a go or defer statement, which drop the result, nor a function
// value, which may be called from anywhere) and not a method (which an
// interface may call).
func (p *Package) directCalls(fn *ssa.Function) ([]*ssa.Call, bool) {
	obj := fn.Object()
	if obj == nil || obj.Exported() || fn.Parent() != nil || fn.Signature.Recv() != nil || !p.Local(fn) {
		return nil, false
	}
	if p.callers == nil {
		p.indexCallers()
	}
	if p.fnValueUsed[fn] {
		return nil, false
	}
	return p.callers[fn], true
}

// indexCallers records, for every function of the package, its direct
// calls and whether it is used in any other way.
func (p *Package) indexCallers() {
	p.callers = make(map[*ssa.Function][]*ssa.Call)
	p.fnValueUsed = make(map[*ssa.Function]bool)
	for _, f := range p.funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				var ops []*ssa.Value
				if call, ok := instr.(*ssa.Call); ok && !call.Call.IsInvoke() {
					if callee, ok := call.Call.Value.(*ssa.Function); ok {
						p.callers[callee] = append(p.callers[callee], call)
						ops = instr.Operands(ops)[1:] // the callee is not a value use
					}
				}
				if ops == nil {
					ops = instr.Operands(ops)
				}
				for _, op := range ops {
					if op == nil {
						continue
					}
					if callee, ok := (*op).(*ssa.Function); ok {
						p.fnValueUsed[callee] = true
					}
				}
			}
		}
	}
}

// trackedField returns the key of field index of the struct that t points
// to, when that field can be tracked like a local variable: it belongs to
// a named struct type of this package and is unexported, or exported in a
// type whose values never leave the package (see fields.go), so every
// access to it is in this package.
func (p *Package) trackedField(t types.Type, index int) (field, bool) {
	ptr, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return field{}, false
	}
	return p.trackedStructField(ptr.Elem(), index)
}

func (p *Package) trackedStructField(t types.Type, index int) (field, bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return field{}, false
	}
	named = named.Origin()
	st, ok := named.Underlying().(*types.Struct)
	if !ok || index >= st.NumFields() {
		return field{}, false
	}
	f := st.Field(index)
	if f.Pkg() != p.pkg.Pkg || named.Obj().Pkg() != p.pkg.Pkg || (f.Exported() && !p.confined(named.Obj())) {
		return field{}, false
	}
	return field{f}, true
}

// fieldRefsOf returns every Field and FieldAddr instruction of the
// package that accesses the field k.
func (p *Package) fieldRefsOf(k field) []ssa.Value {
	if p.fieldRefs == nil {
		p.fieldRefs = make(map[field][]ssa.Value)
		for _, fn := range p.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch instr := instr.(type) {
					case *ssa.FieldAddr:
						if k, ok := p.trackedField(instr.X.Type(), instr.Field); ok {
							p.fieldRefs[k] = append(p.fieldRefs[k], instr)
						}
					case *ssa.Field:
						if k, ok := p.trackedStructField(instr.X.Type(), instr.Field); ok {
							p.fieldRefs[k] = append(p.fieldRefs[k], instr)
						}
					}
				}
			}
		}
	}
	return p.fieldRefs[k]
}

// trackedGlobal reports whether g is an unexported package-level variable
// of this package, so that every access to it is in this package.
func (p *Package) trackedGlobal(g *ssa.Global) bool {
	obj := g.Object()
	return obj != nil && !obj.Exported() && g.Pkg == p.pkg && obj.Name() != "_"
}

// globalRefsOf returns every instruction of the package that uses the
// address of the package-level variable g. (go/ssa keeps no referrers for
// globals.)
func (p *Package) globalRefsOf(g *ssa.Global) []ssa.Instruction {
	if p.globalRefs == nil {
		p.globalRefs = make(map[*ssa.Global][]ssa.Instruction)
		var ops []*ssa.Value
		for _, fn := range p.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					for _, op := range instr.Operands(ops[:0]) {
						if gl, ok := (*op).(*ssa.Global); ok && gl.Pkg == p.pkg {
							p.globalRefs[gl] = append(p.globalRefs[gl], instr)
						}
					}
				}
			}
		}
	}
	return p.globalRefs[g]
}
