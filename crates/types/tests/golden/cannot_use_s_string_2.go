package main

import "fmt"

var _ = fmt.Sprint

func g[T any](x T) {}

func main() {
	g[int]("s")
}
