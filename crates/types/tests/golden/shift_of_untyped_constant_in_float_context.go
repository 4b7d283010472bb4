package main

import "fmt"

func main() {
	n := 3
	var f float64 = 1 << n
	var g int64 = 1 << n
	h := 1.0 << n
	var i int = 1.0 << n
	fmt.Println(1.0<<n, 1<<n, g<<n)
	_, _, _, _ = f, g, h, i
}
