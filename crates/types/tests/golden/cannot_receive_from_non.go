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
	t := time.NewTimer(time.Second)
	<-t
}
