package main

import "fmt"

var _ = fmt.Sprint

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println(i) }
	}
}
