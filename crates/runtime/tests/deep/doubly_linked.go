// A million-node doubly linked list: each node is on a cycle with its neighbours, so
// dropping it leaves cyclic garbage for the collector; freeing what the collector breaks
// apart, and rebuilding, must neither recurse per node nor exhaust the heap.
package main

import "fmt"

type node struct {
	prev, next *node
	v          int
}

type list struct {
	head, tail *node
	n          int
}

func (l *list) push(v int) {
	nd := &node{prev: l.tail, v: v}
	if l.tail == nil {
		l.head = nd
	} else {
		l.tail.next = nd
	}
	l.tail = nd
	l.n++
}

func main() {
	for round := 0; round < 4; round++ {
		l := &list{}
		for i := 0; i < 1000000; i++ {
			l.push(i + round)
		}
		back := 0
		for p := l.tail; p != nil; p = p.prev {
			back += p.v % 7
		}
		fmt.Println(round, l.n, l.head.v, l.tail.v, back)
	}
}
