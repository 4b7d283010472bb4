package main

import "fmt"

var _ = fmt.Sprint

func f(x int) int {
	switch x {
	case 1:
		return 1
	}
}

func main() { f(1) }
