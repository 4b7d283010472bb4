package main

func main() {
	f := func() {}
	_ = f()
}
