package main

import "os"

func main() {
	y := 1
	var x int = "s"
	_ = x
}
