package main

import "fmt"

var _ = fmt.Sprint

type Animal interface{ Speak() string }

type Cat struct{}

func (c Cat) Speak() int { return 1 }

func main() {
	var a Animal = Cat{}
	_ = a
}
