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
	d := time.Duration(2)
	var secs float64 = d.Seconds
	_ = secs
}
