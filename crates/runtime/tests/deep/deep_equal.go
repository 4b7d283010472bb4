// Comparing and hashing values nested a million interfaces deep (arrays of interfaces
// holding arrays of interfaces): == and map keys must not recurse per level.
package main

import "fmt"

func nest(n int, leaf any) any {
	x := leaf
	for i := 0; i < n; i++ {
		x = [1]any{x}
	}
	return x
}

func main() {
	x := nest(1000000, 7)
	y := nest(1000000, 7)
	z := nest(1000000, 8)
	fmt.Println(x == y, x == z, y != z)
	m := map[any]int{x: 1}
	m[z] = 2
	fmt.Println(len(m), m[y], m[z])
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(nest(1000000, []int{1}) == nest(1000000, []int{1}))
}
