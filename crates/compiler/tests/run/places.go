package main

import "fmt"

type Inner struct{ C int }
type Outer struct {
	B   Inner
	Arr [3]int
	P   *Inner
}

func main() {
	var o Outer
	o.B.C = 1
	o.Arr[1] = 2
	o.B.C += 10
	o.Arr[1]++
	o.P = &Inner{5}
	o.P.C *= 3
	fmt.Println(o.B, o.Arr, *o.P)

	grid := [2][2]int{{1, 2}, {3, 4}}
	grid[1][0] = 9
	g2 := grid
	g2[0][0] = 100
	fmt.Println(grid, g2)

	xs := []int{1, 2, 3}
	i, j := 0, 2
	xs[i], xs[j] = xs[j], xs[i]
	a, b := "a", "b"
	a, b = b, a
	fmt.Println(xs, a, b)

	m := map[string]int{}
	m["k"] += 2
	m["k"]++
	v, ok := m["k"]
	_, missing := m["z"]
	fmt.Println(m, v, ok, missing)

	ps := []Outer{{}, {}}
	ps[1].B.C = 7
	ps[1].Arr[2] = 8
	fmt.Println(ps[1].B.C, ps[1].Arr)

	arr := [4]int{1, 2, 3, 4}
	s := arr[1:3]
	s[0] = 20
	s = append(s, 30)
	fmt.Println(arr, s, len(s), cap(s))
	p := &arr
	p[3] = 40
	for i, v := range p {
		if i == 0 {
			p[1] = 99
		}
		_ = v
	}
	fmt.Println(arr, len(p))
}
