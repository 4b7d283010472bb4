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
	x := []int{1}
	if x == nil || x != nil {
	}
	var s string
	if s == nil {
	}
}
