package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var x int
	x.y = 1
}
