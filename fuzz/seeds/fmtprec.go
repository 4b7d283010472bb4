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
	fmt.Println(len(fmt.Sprintf("%.100000000f", 1.5)))
	fmt.Println(len(fmt.Sprintf("%1000000000000000000000d", 1)))
}
