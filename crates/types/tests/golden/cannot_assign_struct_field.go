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

type S struct{ n int }

func main() {
	m := map[string]S{}
	m["a"].n = 1
}
