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
	done := make(chan bool)
	go func() {
		done <- true
	}
	<-done
}
