package main

import "fmt"

var _ = fmt.Sprint

func main() {
	m := map[int]int{}
	p := &m[0]
	_ = p
}
