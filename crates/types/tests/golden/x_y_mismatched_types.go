package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var x uint = 1
	var y int = 2
	_ = x + y
}
