package main

import "fmt"

var _ = fmt.Sprint

func two() (int, int) { return 1, 2 }

func main() {
	fmt.Println(two(), 3)
}
