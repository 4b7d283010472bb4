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
	s := "abc"
	for _, c := range s {
		var b byte = c
		_ = b
	}
}
