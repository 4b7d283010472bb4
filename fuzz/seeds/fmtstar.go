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
	fmt.Println(fmt.Sprintf("%*d|%.*f|%[5]d|%[0]d|%!|%-*d|%[1]*[2]d", 1<<40, 1, -5, 1.5, 7, 1<<62, 3, 4))
}
