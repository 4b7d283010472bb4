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

type I interface{ M() }
type T struct{}

func main() {
	var i I = T{}
	_ = i
}
