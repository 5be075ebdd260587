package textpos

import "testing"

func TestPosition(t *testing.T) {
	// "é" is 2 bytes and 1 UTF-16 unit, "한" 3 bytes and 1 unit, "😀" 4
	// bytes and 2 units.
	src := "ab\n\té한😀x\n"
	f := New([]byte(src))
	for _, tc := range []struct {
		line, col           int // 1-based, bytes
		wantLine, wantCol16 int // 0-based, UTF-16
	}{
		{1, 1, 0, 0},
		{1, 3, 0, 2},
		{2, 1, 1, 0},
		{2, 2, 1, 1},  // é
		{2, 4, 1, 2},  // 한
		{2, 7, 1, 3},  // 😀
		{2, 11, 1, 5}, // x
		{2, 12, 1, 6}, // end of line
		{2, 99, 1, 6}, // clamped to the line
		{3, 1, 2, 0},
	} {
		off := f.Offset(tc.line, tc.col)
		line, col := f.Position(off)
		if line != tc.wantLine || col != tc.wantCol16 {
			t.Errorf("%d:%d (offset %d) = %d:%d, want %d:%d", tc.line, tc.col, off, line, col, tc.wantLine, tc.wantCol16)
		}
	}
	if n := f.LineCount(); n != 3 {
		t.Errorf("LineCount = %d, want 3", n)
	}
}
