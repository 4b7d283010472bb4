package main

import "fmt"

var _ = fmt.Sprint

func main() {
	var wg sync.WaitGroup
	_ = wg
}
