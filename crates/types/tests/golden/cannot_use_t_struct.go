package main

import "fmt"

type I interface{ M(int) string }
type T struct{}

func (T) M() {}

func main() {
	var i I = T{}
	fmt.Println(i)
}
