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
	fmt.Println(strconv.Itoa(-9223372036854775808), strconv.FormatInt(-9223372036854775808, 2))
	fmt.Println(strconv.FormatInt(5, 1))
}
