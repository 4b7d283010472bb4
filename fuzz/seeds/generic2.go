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

type Box[T any] struct{ v T }
func g[T any](x T) { g(Box[T]{x}) }
func main() { g(1) }
