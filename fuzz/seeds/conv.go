package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	f := 1e300
	fmt.Println(int(f), int64(-f), uint8(f), int(f*f-f*f))
}
