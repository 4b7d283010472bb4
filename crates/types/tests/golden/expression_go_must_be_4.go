package main

import "fmt"

var _ = fmt.Sprint

func main() {
	defer fmt.Println("a")
	go fmt.Println
}
