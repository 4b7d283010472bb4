package main

func main() {
	var s []int
	_ = append(s, "x")
}
