package main

import "fmt"

var _ = fmt.Sprint

func f() int {
	for {
		break
	}
}

func main() { f() }
