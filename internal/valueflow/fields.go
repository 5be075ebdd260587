package valueflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file decides which struct fields are the package's alone, and
// indexes their accesses once for every pass that follows values through
// fields (chanflow's channels, goroutineexit's WaitGroups and Conds).
//
// A field is tracked when no code outside the package can read or write
// it: an unexported field of a named struct type of the package, or an
// exported field of such a type whose values never leave the package. The
// second is decided per type, not per value, from the types that cross
// the package's boundary (go/types and go/ssa offer no such escape
// analysis, hence the hand-written one): a type is confined when no
// value of it (or of anything that reaches it through exported or
// embedded fields, pointers, containers or signatures) is
//
//   - a parameter or result of an exported function, of an exported
//     method of a type that leaves, or the type of an exported variable;
//   - the receiver of an exported method of an exported type (code
//     outside may call it on a value of its own);
//   - converted to an interface, asserted from one, or converted to
//     unsafe.Pointer;
//   - passed to a function that is not the package's (another package's,
//     a function value, an interface method).
//
// A value of an exported type made and dropped inside the package, or
// handed only to the package's own functions, never leaves; one returned
// by an exported constructor, stored in an exported variable, passed to
// another package or converted to an interface may be read by anyone.

// TrackedField returns the field (its generic origin) that v, a Field or
// FieldAddr instruction, accesses, when every access to that field is in
// the package; or nil.
func (p *Package) TrackedField(v ssa.Value) *types.Var {
	var k field
	var ok bool
	switch v := v.(type) {
	case *ssa.FieldAddr:
		k, ok = p.trackedField(v.X.Type(), v.Field)
	case *ssa.Field:
		k, ok = p.trackedStructField(v.X.Type(), v.Field)
	}
	if !ok {
		return nil
	}
	return k.v
}

// FieldRefs returns every Field and FieldAddr instruction of the package
// that accesses f, a field TrackedField returned. The index is built
// once per package, on first use.
func (p *Package) FieldRefs(f *types.Var) []ssa.Value {
	return p.fieldRefsOf(field{f})
}

// confined reports whether the values of the package's named type obj
// never leave the package (see above).
func (p *Package) confined(obj *types.TypeName) bool {
	if p.leaving == nil {
		p.leaving, p.allLeave = p.leavingTypes()
	}
	return !p.allLeave && !p.leaving[obj]
}

// leavingTypes returns the package's named types whose values may reach
// code outside the package.
func (p *Package) leavingTypes() (map[*types.TypeName]bool, bool) {
	l := &leaks{pkg: p.pkg.Pkg, out: make(map[*types.TypeName]bool), seen: make(map[types.Type]bool)}
	scope := p.pkg.Pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			if obj.Exported() {
				l.add(obj.Type())
			}
		case *types.Var:
			if obj.Exported() {
				l.add(obj.Type())
			}
		case *types.TypeName:
			if obj.Exported() && hasExportedMethod(obj.Type()) {
				l.add(obj.Type())
			}
		}
	}
	funcs := p.funcs
	if init := p.pkg.Func("init"); init != nil {
		funcs = append(funcs[:len(funcs):len(funcs)], init) // package-level initialisers
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				l.instr(p, instr)
			}
		}
	}
	return l.out, l.all
}

// hasExportedMethod reports whether the method set of *t has an exported
// method: code outside may call it on a value it made.
func hasExportedMethod(t types.Type) bool {
	ms := types.NewMethodSet(types.NewPointer(t))
	for i := range ms.Len() {
		if ms.At(i).Obj().Exported() {
			return true
		}
	}
	return false
}

// namedStruct returns the named struct type that t is or points to, or
// nil.
func namedStruct(t types.Type) *types.TypeName {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if _, ok := n.Underlying().(*types.Struct); ok {
			return n.Origin().Obj()
		}
	}
	return nil
}

// leaks collects the package's named types reached from types that cross
// the package's boundary.
type leaks struct {
	pkg  *types.Package
	out  map[*types.TypeName]bool
	seen map[types.Type]bool
	all  bool // the budget ran out: every type leaves
}

// maxLeakTypes bounds the types visited when deciding which leave.
const maxLeakTypes = 20000

// instr adds the types that instr hands to code outside the package.
func (l *leaks) instr(p *Package, instr ssa.Instruction) {
	switch instr := instr.(type) {
	case *ssa.MakeInterface:
		l.add(instr.X.Type())
	case *ssa.TypeAssert:
		l.add(instr.AssertedType)
	case *ssa.Convert:
		if b, ok := instr.Type().Underlying().(*types.Basic); ok && b.Kind() == types.UnsafePointer {
			l.add(instr.X.Type())
		}
	case *ssa.ChangeType:
		// A struct converted to another named type with the same fields
		// is accessed through that type's fields from then on.
		if from, to := namedStruct(instr.X.Type()), namedStruct(instr.Type()); from != to {
			l.add(instr.X.Type())
			l.add(instr.Type())
		}
	case ssa.CallInstruction:
		cc := instr.Common()
		if _, builtin := cc.Value.(*ssa.Builtin); builtin {
			return
		}
		if fn := cc.StaticCallee(); fn != nil && fn.Pkg == p.pkg && len(fn.Blocks) > 0 {
			// The package's own function (a synthetic wrapper may call
			// another package's). An instance of a generic one may hand
			// its type arguments' values anywhere: its body speaks of
			// type parameters only.
			for _, t := range fn.TypeArgs() {
				l.add(t)
			}
			return
		}
		for _, a := range cc.Args {
			l.add(a.Type())
		}
	}
}

// add marks the package's named types that t reaches: through pointers,
// containers, signatures, the type arguments of instances, the exported
// and embedded fields of structs, and the exported methods of named
// types and interfaces.
func (l *leaks) add(t types.Type) {
	if t == nil || l.seen[t] || l.all {
		return
	}
	l.seen[t] = true
	if len(l.seen) > maxLeakTypes {
		l.all = true // too many types to follow: say everything leaves
		return
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		args := t.TypeArgs()
		for i := range args.Len() {
			l.add(args.At(i))
		}
		obj := t.Origin().Obj()
		if obj.Pkg() != l.pkg && args.Len() == 0 {
			return // another package's type cannot hold ours but through type arguments
		}
		if obj.Pkg() == l.pkg {
			if l.out[obj] {
				return
			}
			l.out[obj] = true
		}
		ms := types.NewMethodSet(types.NewPointer(t))
		for i := range ms.Len() {
			if m := ms.At(i).Obj(); m.Exported() {
				l.add(m.Type())
			}
		}
		l.add(t.Underlying())
	case *types.Pointer:
		l.add(t.Elem())
	case *types.Slice:
		l.add(t.Elem())
	case *types.Array:
		l.add(t.Elem())
	case *types.Chan:
		l.add(t.Elem())
	case *types.Map:
		l.add(t.Key())
		l.add(t.Elem())
	case *types.Signature:
		l.add(t.Params())
		l.add(t.Results())
	case *types.Tuple:
		for i := range t.Len() {
			l.add(t.At(i).Type())
		}
	case *types.Struct:
		for i := range t.NumFields() {
			if f := t.Field(i); f.Exported() || f.Embedded() {
				l.add(f.Type())
			}
		}
	case *types.Interface:
		for i := range t.NumMethods() {
			if m := t.Method(i); m.Exported() {
				l.add(m.Type())
			}
		}
	}
}
