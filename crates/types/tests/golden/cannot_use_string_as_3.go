package main

func f(int, string) {}

func main() {
	f("a", 1)
}
