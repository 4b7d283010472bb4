package main

func main() {
	x := []int{1, 2
	}
	y := 1
}

func other() {
	return 1 +
}
