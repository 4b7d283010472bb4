package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	n := -1
	fmt.Println(strings.Repeat("x", n))
}
