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

func f[T any](n int) int { if n == 0 { return 0 }; return f[[]T](n - 1) }
func main() { fmt.Println(f[int](3)) }
