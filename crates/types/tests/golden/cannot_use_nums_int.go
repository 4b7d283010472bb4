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

func sum(nums ...int) int { return 0 }

func main() {
	nums := []int{1}
	_ = sum(nums)
}
