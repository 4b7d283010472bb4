package main

func main() {
	var a, b = 1
	_, _ = a, b
}
