package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	s := make([]int, 3, 10)
	j := -1
	fmt.Println(s[1:2:j])
}
