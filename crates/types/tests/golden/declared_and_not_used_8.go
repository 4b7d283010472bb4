package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var m map[string]int
	for k, v := range m {
		fmt.Println(k)
	}
}
