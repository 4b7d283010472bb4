package main

import "fmt"

var _ = fmt.Sprint

func g[T comparable](x, y T) bool { return x == y }

func main() {
	_ = g([]int{}, []int{})
}
