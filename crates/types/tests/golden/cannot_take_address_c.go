package main

import "fmt"

var _ = fmt.Sprint

func main() {
	const c = 5
	p := &c
	_ = p
}
