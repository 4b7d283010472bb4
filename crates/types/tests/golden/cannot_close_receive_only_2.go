package main

import "fmt"

var _ = fmt.Sprint

func f(ch <-chan int) {
	close(ch)
}

func main() { f(nil) }
