package main

import "fmt"

var _ = fmt.Sprint

func main() {
	fmt.Println("a" * 3)
}
