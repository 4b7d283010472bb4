// Deep chains through closures: each closure captures the previous one (so its
// variable), and method values bound to receivers holding the previous method value.
package main

import "fmt"

type counter struct {
	prev func() int
	n    int
}

func (c counter) get() int { return c.n }

func main() {
	f := func() int { return 0 }
	for i := 0; i < 1000000; i++ {
		prev := f
		f = func() int {
			if prev == nil {
				return -1
			}
			return 1
		}
	}
	fmt.Println(f())
	f = nil

	g := func() int { return 0 }
	for i := 0; i < 1000000; i++ {
		g = counter{prev: g, n: i}.get
	}
	fmt.Println(g())
	g = nil
	fmt.Println("done")
}
