package main

import "fmt"

// float32 is reported once, at the type name; what is declared with it stays quiet.
type Ratio float32 // ERROR "float32 is not supported by Goroscope (use float64)"

func ratios(r Ratio) {
	var f float32 = 1.5 // ERROR "float32 is not supported by Goroscope (use float64)"
	g := f * 2
	h := float32(g) + 1 // ERROR "float32 is not supported by Goroscope (use float64)"
	fmt.Println(r*2, g, h)
}

func main() {
	ratios(0)
}

func ownFloat32() {
	type float32 int // a program's own float32 is fine
	var x float32 = 3
	fmt.Println(x)
}
