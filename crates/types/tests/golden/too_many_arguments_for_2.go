package main

func main() {
	a := []int{}
	b := []int{}
	copy(a, b, 1)
}
