package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	var x int8 = -128
	var y int8 = -1
	fmt.Println(x/y, x%y)
}
