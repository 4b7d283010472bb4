package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var b bool = 1
	_ = b
}
