package main

func main() {
	var x = min()
	_ = x
}
