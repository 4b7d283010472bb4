package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	s := []any{nil}
	s[0] = s
	fmt.Println(s)
}
