package main

func main() {
	var x interface{}
	_ = x + 1
}
