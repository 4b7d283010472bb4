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
	var ch chan int
	x := cap(ch) + len(ch)
	ch = make(chan int, "2")
	_ = x
}
