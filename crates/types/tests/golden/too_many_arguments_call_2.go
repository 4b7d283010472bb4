package main

func main() {
	var f func()
	f(1)
}
