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

const a = 1.0 / 3.0
const b = a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a
const c = b * b * b * b * b * b * b * b * b * b * b * b * b * b * b * b
const d = c * c * c * c * c * c * c * c * c * c * c * c * c * c * c * c
func main() { fmt.Println(d > 0) }
