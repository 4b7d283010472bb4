package main

func main() {
	x := new(int, 1)
	_ = x
}
