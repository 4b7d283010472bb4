package main

func main() {
	var x0 int = "s"
	var x1 int = "s"
	var x2 int = "s"
	var x3 int = "s"
	var x4 int = "s"
	var x5 int = "s"
	var x6 int = "s"
	var x7 int = "s"
	var x8 int = "s"
	var x9 int = "s"
	var x10 int = "s"
	var x11 int = "s"
}
