package main

import "fmt"

var total = double(base)

var base = 21

func double(n int) int { return n * 2 }

func bump() int { total++; return total }

var bumped = bump()

func main() {
	fmt.Println(total, base)
}
