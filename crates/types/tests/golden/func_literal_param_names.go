package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var f func(int) int
	f = func(s string) int { return 0 }
	_ = f
}
