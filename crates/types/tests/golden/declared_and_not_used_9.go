package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var x int
	if x = 1; x > 0 {
	}
	for x := range 3 {
	}
}
