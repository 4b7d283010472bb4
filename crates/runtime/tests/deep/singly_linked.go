// A million-node singly linked list, dropped by setting its head to nil: freeing it
// must not recurse once per node.
package main

import "fmt"

type node struct {
	next *node
	v    int
}

func build(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head, v: i}
	}
	return head
}

func main() {
	head := build(1000000)
	fmt.Println(head.v, head.next.v)
	head = nil
	fmt.Println("dropped")
	// Built again and dropped by a reassignment that overwrites the last reference.
	head = build(1000000)
	sum := 0
	for p := head; p != nil; p = p.next {
		sum += p.v & 1
	}
	head = build(3)
	fmt.Println(sum, head.v)
}
