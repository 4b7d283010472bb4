package main

func main() {
	m := make(map[string]int, 1, 2)
	_ = m
}
