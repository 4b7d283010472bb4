package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

var _ = fmt.Sprint
var _ = strings.Repeat
var _ sync.Mutex
var _ = time.Second

func f[T any](x T) T { return x }

func main() {
	_ = f[int, string](1)
}
