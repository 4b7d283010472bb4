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
	s := "a\xff\xfe\xc0\x80b"
	for i, r := range s { fmt.Println(i, r) }
	fmt.Println([]rune(s), string(rune(-1)), string(rune(0x110000)), strings.ToUpper(s))
}
