package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var s []int
	s[1:2] = nil
}
