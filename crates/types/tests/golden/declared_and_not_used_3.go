package main

func main() {
	var x int
}

func main() {}
