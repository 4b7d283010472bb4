package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	fmt.Println(len(fmt.Sprintf("%1000000000d", 1)))
}
