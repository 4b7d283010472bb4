package main

func main() {
	if x := 1 {
	}
	for x := 1 {
	}
}
