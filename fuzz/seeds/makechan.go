package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	c := make(chan int, 1<<40)
	fmt.Println(cap(c))
}
