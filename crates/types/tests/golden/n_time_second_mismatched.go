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
	n := 2
	time.Sleep(n * time.Second)
}
