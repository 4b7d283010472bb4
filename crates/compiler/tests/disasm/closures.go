package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	next := counter()
	next()
	var fs []func()
	for i := 0; i < 2; i++ {
		fs = append(fs, func() { fmt.Println(i, next()) })
	}
	for _, f := range fs {
		f()
	}
}
