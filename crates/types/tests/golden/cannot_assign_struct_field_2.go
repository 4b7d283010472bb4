package main

import "fmt"

var _ = fmt.Sprint

func main() {
	m := map[string]struct{ n int }{"a": {1}}
	m["a"].n++
}
