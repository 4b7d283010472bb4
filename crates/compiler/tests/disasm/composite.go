package main

import "fmt"

type P struct{ X, Y int }

func main() {
	ps := []*P{{1, 2}, {X: 3}}
	arr := [...]string{2: "c", 0: "a"}
	grid := [2][2]int{{1, 2}, {3, 4}}
	grid[1][0] = 9
	m := map[string][]int{"a": {1}}
	m["a"] = append(m["a"], 2)
	s := arr[:2]
	fmt.Println(*ps[1], arr, grid, m, len(s), cap(s))
}
