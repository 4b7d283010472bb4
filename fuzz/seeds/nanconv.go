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

func main() {
	z := 0.0
	n := z / z
	fmt.Println(int(n), int64(1/z), uint64(-1/z), int8(n), uint(n))
	m := map[float64]int{n: 1, n: 2}
	m[n] = 3
	fmt.Println(len(m), m)
}
