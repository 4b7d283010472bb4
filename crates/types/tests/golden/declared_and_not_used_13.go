package main

func main() {
	var x int = 1
	var x int = 2
}
