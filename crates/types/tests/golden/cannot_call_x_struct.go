package main

func main() {
	var x struct{}
	x()
}
