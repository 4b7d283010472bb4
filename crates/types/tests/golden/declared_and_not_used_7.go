package main

import "fmt"

var _ = fmt.Sprint

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	v := <-ch
}
