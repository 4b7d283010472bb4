package main

func main() {
	var a []int
	_ = a == a
}
