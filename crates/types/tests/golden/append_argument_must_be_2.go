package main

import "fmt"

var _ = fmt.Sprint

func main() {
	arr := [3]int{}
	arr = append(arr, 1)
}
