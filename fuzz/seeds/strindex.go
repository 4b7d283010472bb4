package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	s := "abc"
	i := 1<<63-1
	fmt.Println(s[i])
}
