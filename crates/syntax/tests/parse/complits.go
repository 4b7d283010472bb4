package main

type Point struct{ X, Y int }

func main() {
	p := Point{1, 2}
	q := Point{X: 1, Y: 2}
	r := &Point{Y: 3}
	ps := []Point{{1, 2}, {X: 3}}
	pp := []*Point{{1, 2}}
	m := map[string]Point{"a": {1, 2}}
	mm := map[Point]string{{1, 2}: "x"}
	arr := [...]int{1, 2, 3}
	keyed := [5]int{2: 10, 4: 20}
	grid := [][]int{{1}, {2, 3}}
	anon := struct {
		A int
		B string
	}{1, "b"}
	empty := []int{}
	if p == (Point{}) {
	}
	for _, v := range []int{1, 2} {
		_ = v
	}
}
