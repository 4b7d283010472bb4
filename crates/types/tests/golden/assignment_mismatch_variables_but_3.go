package main

func main() {
	x, y := 1, 2, 3
	_, _ = x, y
}
