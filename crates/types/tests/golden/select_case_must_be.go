package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

var _ = fmt.Sprint
var _ = strings.Repeat
var _ sync.Mutex
var _ = time.Second

func main() {
	ch := make(chan int)
	select {
	case x := 1:
		_ = x
	}
	_ = ch
}
