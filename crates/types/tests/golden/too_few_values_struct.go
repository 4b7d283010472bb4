package main

func main() {
	type T struct{ x, y int }
	_ = T{1}
}
