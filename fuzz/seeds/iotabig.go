package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

var _ = strings.Repeat
var _ = fmt.Sprint
var _ = time.Sleep
var _ = runtime.Gosched
var _ = strconv.Itoa
var _ sync.Mutex

const (
	a = 1 << (iota * 1000000)
	b
	c
	d
)
func main() { fmt.Println(a) }
