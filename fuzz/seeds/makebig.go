package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	s := make([]int, 1<<40)
	fmt.Println(len(s))
}
