package main

import "fmt"

var _ = fmt.Sprint

func main() {
	ch := make(chan<- int)
	for v := range ch {
		_ = v
	}
}
