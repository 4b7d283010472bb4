package main

func main() {
	var n int = 3.0
	var m int = 3.5
	_, _ = n, m
}
