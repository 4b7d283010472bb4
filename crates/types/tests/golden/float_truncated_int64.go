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
	time.Sleep(1.5 * time.Second)
	time.Sleep(0.5 * time.Nanosecond)
}
