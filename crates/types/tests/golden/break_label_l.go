package main

func main() {
	L:
	x := 1
	_ = x
	for {
		break L
	}
}
