package main

import "fmt"

var _ = fmt.Sprint

func main() {
	x := 1
	func() {
		x = 2
	}()
}
