package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	s := strings.Repeat("x", 1<<40)
	fmt.Println(len(s))
}
