package main

func main() {
	x := 3
	switch x {
	case 1, 1:
	}
}
