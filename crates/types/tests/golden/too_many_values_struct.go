package main

import "fmt"

var _ = fmt.Sprint

func main() {
	type P struct{ X int }
	ps := []P{{1}, {X: 2}, {3, 4}}
	_ = ps
}
