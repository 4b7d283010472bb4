package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var d float64 = 2
	var n int = 3
	_ = d * n
}
