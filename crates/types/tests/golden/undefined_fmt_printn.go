package main

import "fmt"

func main() {
	fmt.Printn(1)
	fmt.println(2)
}
