package main

func main() {
	var x fmt
	_ = x
}
