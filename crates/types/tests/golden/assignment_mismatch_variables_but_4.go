package main

import "fmt"

var _ = fmt.Sprint

func main() {
	x, y := 1
	_, _ = x, y
}
