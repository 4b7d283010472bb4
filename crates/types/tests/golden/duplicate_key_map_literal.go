package main

func main() {
	m := map[string]int{"a": 1, "a": 2}
	_ = m
}
