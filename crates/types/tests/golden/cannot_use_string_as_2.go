package main

func main() {
	delete(map[int]int{}, "a")
}
