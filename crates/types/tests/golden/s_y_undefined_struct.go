package main

func main() {
	var s struct{ x int }
	s.y = 1
}
