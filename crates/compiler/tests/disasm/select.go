package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	quit := make(chan struct{})
	go func() {
		ch <- 1
		close(quit)
	}()
	for {
		select {
		case v, ok := <-ch:
			fmt.Println(v, ok)
		case <-quit:
			return
		case <-time.After(time.Second):
			fmt.Println("timeout")
		}
	}
}
