package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	var a [1 << 20][1 << 20]int
	fmt.Println(len(a))
}
