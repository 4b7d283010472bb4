package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	var x any
	p := &x
	x = p
	fmt.Println(x)
}
