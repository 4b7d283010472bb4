package main

import "fmt"

type pair struct{ a, b int }

var global = 10

func bump() int {
	global++
	return global
}

func main() {
	n := 0
	inc := func() int {
		n++
		return n
	}
	// gc reads plain operands when the call is made, after the calls among the
	// arguments have run (the captured struct p too).
	fmt.Println(n, inc(), n)
	fmt.Println(global, bump())
	ch := make(chan int, 3)
	ch <- 7
	ch <- 8
	fmt.Println(len(ch), <-ch, len(ch))
	p := pair{1, 2}
	set := func() int {
		p.a = 100
		return 0
	}
	fmt.Println(p, set(), p.a)
	a, b := n, inc()
	fmt.Println(a, b)
	sum := n + inc()
	q := []int{n, inc()}
	fmt.Println(sum, q)
}
