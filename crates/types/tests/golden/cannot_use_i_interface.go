package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var i any = 1
	var n int = i
	_ = n
}
