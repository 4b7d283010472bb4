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
	timeout := time.After(time.Second)
	select {
	case <-timeout:
		fmt.Println("timeout")
	case <-timeout:
	}
	break
}
