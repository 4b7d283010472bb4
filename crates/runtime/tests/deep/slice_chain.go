// Deep chains through slices: a tree node whose only child holds the previous node, a
// slice of slices of slices, and a slice of many long lists.
package main

import "fmt"

type n struct {
	kids []*n
	v    int
}

type flat struct {
	kids []flat
}

func main() {
	var cur *n
	for i := 0; i < 1000000; i++ {
		cur = &n{kids: []*n{cur}, v: i}
	}
	fmt.Println(cur.v, len(cur.kids))
	cur = nil

	f := flat{}
	for i := 0; i < 1000000; i++ {
		f = flat{kids: []flat{f}}
	}
	depth := 0
	for g := f; len(g.kids) > 0; g = g.kids[0] {
		depth++
	}
	fmt.Println(depth)
	f = flat{}

	type node struct{ next *node }
	lists := make([]*node, 10)
	for i := range lists {
		for j := 0; j < 100000; j++ {
			lists[i] = &node{next: lists[i]}
		}
	}
	fmt.Println(len(lists), lists[9] != nil)
	lists = nil
	fmt.Println("done")
}
