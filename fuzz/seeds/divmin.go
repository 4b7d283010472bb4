package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	x := -9223372036854775808
	y := -1
	fmt.Println(x/y, x%y)
}
