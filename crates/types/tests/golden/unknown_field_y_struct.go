package main

func main() {
	type T struct{ x int }
	_ = T{y: 1}
}
