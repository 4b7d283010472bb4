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
	runtime.GOMAXPROCS(1000000)
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ { wg.Add(1); go func() { defer wg.Done(); runtime.Gosched() }() }
	wg.Wait()
	fmt.Println(runtime.GOMAXPROCS(0))
}
