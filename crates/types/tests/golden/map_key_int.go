package main

func main() {
	x := map[[]int]int{}
	_ = x
}
