// Package textpos converts byte offsets in a file, which go/token and the
// analysis drivers use, into line and column numbers counted in UTF-16
// code units, which the Language Server Protocol requires and SARIF uses
// by default.
package textpos

import (
	"unicode/utf16"
	"unicode/utf8"
)

// File is the content of one file, with the offsets of its lines.
type File struct {
	content []byte
	lines   []int // offset of the start of each line
}

// New returns the File of content.
func New(content []byte) *File {
	lines := []int{0}
	for i, b := range content {
		if b == '\n' {
			lines = append(lines, i+1)
		}
	}
	return &File{content: content, lines: lines}
}

// Offset returns the byte offset of a position given as a 1-based line and
// a 1-based byte column, as in go/token.Position, clamped to the file.
func (f *File) Offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(f.lines) {
		return len(f.content)
	}
	off := f.lines[line-1] + max(col-1, 0)
	return min(off, f.lineEnd(line-1))
}

// Position returns the 0-based line and the 0-based UTF-16 column of byte
// offset off, clamped to the file. An offset inside a multi-byte character
// counts as the start of that character.
func (f *File) Position(off int) (line, col int) {
	off = max(0, min(off, len(f.content)))
	// The last line starting at or before off.
	lo, hi := 0, len(f.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if f.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo, UTF16Len(f.content[f.lines[lo]:off])
}

func (f *File) lineEnd(i int) int {
	if i+1 < len(f.lines) {
		return f.lines[i+1] - 1
	}
	return len(f.content)
}

// UTF16Len returns the number of UTF-16 code units needed to encode b; an
// incomplete character at the end of b is not counted.
func UTF16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 && !utf8.FullRune(b) {
			break
		}
		if r >= 0x10000 && utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// LineCount returns the number of lines of the file.
func (f *File) LineCount() int { return len(f.lines) }
