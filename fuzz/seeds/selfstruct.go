package main

import (
	"fmt"
	"strings"
)

var _ = strings.Repeat
var _ = fmt.Sprint

func main() {
	type T struct{ x any }
	t := &T{}
	t.x = t
	fmt.Printf("%v %+v\n", t, *t)
}
