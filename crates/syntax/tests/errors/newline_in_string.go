package main

func main() {
	s := "abc
	t := 1
}
