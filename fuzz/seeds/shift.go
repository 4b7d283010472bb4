package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	x := 1
	n := 200
	fmt.Println(x<<n, x>>n, -x>>n, uint64(1)<<n)
}
