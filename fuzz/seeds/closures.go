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
	var fs []func()
	for i := range 3 { fs = append(fs, func() { fmt.Println(i) }) }
	for _, f := range fs { go f() }
	time.Sleep(time.Second)
}
