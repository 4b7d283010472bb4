package main

import "fmt"

var _ = fmt.Sprint

type Stack struct{ items []int }

func (s Stack) Push(v int) { s.items = append(s.items, v) }

func main() {
	var s Stack
	s.Push(1)
	fmt.Println(s.items, s.Pop())
}
