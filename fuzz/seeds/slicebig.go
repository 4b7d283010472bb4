package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	s := []int{1,2,3}
	i := 1<<62
	fmt.Println(s[i:])
}
