package main

func main() {
	x := 1 @ 2
	go (f())
	y := a[1::3]
}
