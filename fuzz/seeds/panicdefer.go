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
	defer func() { panic(recover()) }()
	defer func() { defer func() { recover(); panic(2) }(); panic(3) }()
	defer runtime.Goexit()
	panic(1)
}
