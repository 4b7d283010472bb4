package main

import (
	"fmt"
	"sync"
	"time"
)

var _ = fmt.Sprint
var _ sync.Mutex
var _ = time.Second

func worker(ch chan<- int) {
	v := <-ch
	fmt.Println(v)
}

func main() { worker(nil) }
