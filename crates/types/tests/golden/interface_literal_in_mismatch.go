package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var i interface{} = 1
	n := i + 2
	_ = n
}
