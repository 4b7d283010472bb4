package main

func main() {
	var x, y int
	x, y = y
}
