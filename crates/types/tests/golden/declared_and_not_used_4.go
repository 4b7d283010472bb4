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
	x := 1
	func() {
		x := 2
	}()
	_ = x
}
