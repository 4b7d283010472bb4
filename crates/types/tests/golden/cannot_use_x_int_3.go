package main

import "fmt"

var _ = fmt.Sprint

func main() {
	x := 3
	var p *int = x
	_ = p
}
