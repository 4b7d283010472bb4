package main

func main() {
	s := []int{}
	_ = s[-1]
}
