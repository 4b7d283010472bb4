package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	var b strings.Builder
	for i := 0; i < 40; i++ { b.WriteString(b.String()+"x") }
	fmt.Println(b.Len())
}
