package main

import "os"

func main() {
	y := 1
L:
	for {
	}
}
