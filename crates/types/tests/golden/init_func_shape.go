package main

func init(x int) {}

func init() int { return 1 }

func init[T any]() {}

func main() {
	init()
	_ = init
}
