package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	m := map[int]any{}
	m[0] = m
	fmt.Println(m)
}
