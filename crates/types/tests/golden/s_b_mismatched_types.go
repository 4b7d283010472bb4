package main

import "fmt"

var _ = fmt.Sprint

func main() {
	s := []string{"a"}
	fmt.Println(s + "b")
}
