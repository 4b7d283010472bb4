package main

import (
	"fmt"
	"sync"
	"time"
)

var _ = fmt.Sprint
var _ sync.Mutex
var _ = time.Second

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
	case ch <- 1:
	}
}
