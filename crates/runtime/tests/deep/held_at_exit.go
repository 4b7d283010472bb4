// The run ends while it holds long chains (in a global and in main's locals): the
// machine frees them when it is dropped.
package main

import "fmt"

type node struct {
	next *node
	v    int
}

var global *node

func main() {
	for i := 0; i < 1000000; i++ {
		global = &node{next: global, v: i}
	}
	var local any = 0
	for i := 0; i < 500000; i++ {
		local = []any{local}
	}
	var c chan any
	for i := 0; i < 100000; i++ {
		d := make(chan any, 1)
		d <- c
		c = d
	}
	fmt.Println(global.v, local != nil, len(c))
}
