package main

func main() {
	var x uint8 = 256
	_ = x
}
