package main

func f(a int, b ...string) {}

func main() {
	f()
	f(1, 2)
	f(1, []string{}...)
	f(1, "a", []string{}...)
}
