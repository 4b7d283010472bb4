package main

import (
	"fmt"
	"sync"
	"time"
)

var _ = fmt.Sprint
var _ sync.Mutex
var _ = time.Second

func produce() <-chan int {
	ch := make(chan int)
	return ch
}

func main() {
	ch := produce()
	ch <- 1
}
