// Command slope fits the output of the scaling benchmark: it reads "go test
// -bench" lines of sub-benchmarks named "lines=N" from standard input and
// prints, for time and for allocated bytes per run, the least-squares line
// (slope per 1000 lines, intercept, R²) and the exponent k of the power law
// cost ∝ lines^k (k = 1 is linear growth).
//
//	go test -run '^$' -bench Scaling -count 3 ./synth | go run ./cmd/slope
package main

import (
	"bufio"
	"fmt"
	"log"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var nameRE = regexp.MustCompile(`/lines=(\d+)(-\d+)?$`)

func main() {
	log.SetFlags(0)
	log.SetPrefix("slope: ")
	// metric unit -> points (lines, value)
	points := make(map[string][][2]float64)
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := sc.Text()
		fmt.Println(line)
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		m := nameRE.FindStringSubmatch(f[0])
		if m == nil {
			continue
		}
		lines, _ := strconv.ParseFloat(m[1], 64)
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			points[f[i+1]] = append(points[f[i+1]], [2]float64{lines, v})
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	if len(points["ns/op"]) < 2 {
		log.Fatal("fewer than two benchmark results named .../lines=N")
	}
	fmt.Println()
	report("time", points["ns/op"], 1e6, "ms")
	if p := points["B/op"]; len(p) >= 2 {
		report("memory", p, 1<<20, "MiB")
	}
	fmt.Println("\nlines\tmedian ms/op\tmedian ns/line")
	for _, m := range medians(points["ns/op"]) {
		fmt.Printf("%.0f\t%.1f\t%.0f\n", m[0], m[1]/1e6, m[1]/m[0])
	}
}

// medians returns the median value for each number of lines, by lines.
func medians(p [][2]float64) [][2]float64 {
	by := make(map[float64][]float64)
	for _, q := range p {
		by[q[0]] = append(by[q[0]], q[1])
	}
	var out [][2]float64
	for lines, vs := range by {
		slices.Sort(vs)
		out = append(out, [2]float64{lines, vs[len(vs)/2]})
	}
	slices.SortFunc(out, func(a, b [2]float64) int { return int(a[0] - b[0]) })
	return out
}

// report prints the linear and the power-law fits of value against lines;
// value/scale is in unit.
func report(name string, p [][2]float64, scale float64, unit string) {
	a, b, r2 := fit(p, func(x float64) float64 { return x }, func(y float64) float64 { return y })
	_, k, _ := fit(p, math.Log, math.Log)
	fmt.Printf("%s: %.3f %s per 1000 lines + %.3f %s (R² %.4f); cost ∝ lines^%.2f over %d points\n",
		name, b*1000/scale, unit, a/scale, unit, r2, k, len(p))
}

// fit returns the least-squares line y = a + b·x over the points, after
// transforming x and y, and its coefficient of determination.
func fit(p [][2]float64, fx, fy func(float64) float64) (a, b, r2 float64) {
	n := float64(len(p))
	var sx, sy, sxx, sxy float64
	for _, q := range p {
		x, y := fx(q[0]), fy(q[1])
		sx, sy, sxx, sxy = sx+x, sy+y, sxx+x*x, sxy+x*y
	}
	b = (n*sxy - sx*sy) / (n*sxx - sx*sx)
	a = (sy - b*sx) / n
	mean := sy / n
	var ssRes, ssTot float64
	for _, q := range p {
		x, y := fx(q[0]), fy(q[1])
		ssRes += (y - a - b*x) * (y - a - b*x)
		ssTot += (y - mean) * (y - mean)
	}
	return a, b, 1 - ssRes/ssTot
}
