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

type T struct{}

func (t T) String() string { return "" }

func main() {
	var s fmt.Stringer = &T{}
	var p *T = s
	_ = p
}
