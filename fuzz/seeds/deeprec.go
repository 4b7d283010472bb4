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

func f(n int) int { return f(n+1) + 1 }
func main() { go f(0); f(0) }
