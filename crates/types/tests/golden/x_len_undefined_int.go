package main

func main() {
	x := []int{1}
	x.Len()
}
