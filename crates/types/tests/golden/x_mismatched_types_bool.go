package main

func main() {
	x := true
	_ = x + 1
}
