package main

func main() {
	var s string
	s[0] = 1
}
