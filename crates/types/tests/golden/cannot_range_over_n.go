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
	var a [3]int
	for i, v := range &a {
		_, _ = i, v
	}
	var n *int
	for range n {
	}
}
