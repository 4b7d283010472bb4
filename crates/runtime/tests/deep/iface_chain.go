// Deep chains through interfaces: an interface holding a slice holding the previous
// interface, one holding an array, one holding a map, and a pointer-free struct chain
// boxed in interfaces.
package main

import "fmt"

type wrap struct {
	inner any
	tag   string
}

func main() {
	var x any = 0
	for i := 0; i < 1000000; i++ {
		x = []any{x}
	}
	depth := 0
	for {
		s, ok := x.([]any)
		if !ok {
			break
		}
		x = s[0]
		depth++
		if depth == 3 {
			break
		}
	}
	fmt.Println(depth)
	x = nil

	var y any = "leaf"
	for i := 0; i < 1000000; i++ {
		y = [1]any{y}
	}
	_, isArray := y.([1]any)
	fmt.Println(isArray)
	y = nil

	var m any = 0
	for i := 0; i < 300000; i++ {
		m = map[int]any{i: m}
	}
	fmt.Println(len(m.(map[int]any)))
	m = nil

	var w any = wrap{tag: "bottom"}
	for i := 0; i < 1000000; i++ {
		w = wrap{inner: w, tag: "t"}
	}
	fmt.Println(w.(wrap).tag)
	w = 1
	fmt.Println(w)
}
