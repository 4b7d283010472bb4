package main

import "fmt"

var _ = fmt.Sprint

func main() {
	s := "abc"
	p := &s[0]
	_ = p
}
