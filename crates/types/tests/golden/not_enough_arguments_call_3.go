package main

import "fmt"

var _ = fmt.Sprint

type T struct{}

func (T) M() {}

func main() {
	T.M()
}
