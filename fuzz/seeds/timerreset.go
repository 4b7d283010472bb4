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
	t := time.NewTimer(1<<63 - 1)
	time.Sleep(10)
	t.Reset(1<<63 - 1)
	<-t.C
}
