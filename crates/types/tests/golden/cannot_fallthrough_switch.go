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

func main() {
	var x any = 1
	switch x.(type) {
	case int:
		fallthrough
	case string:
	}
}
