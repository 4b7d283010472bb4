package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	m := make(map[int]int, 1<<40)
	fmt.Println(len(m))
}
