package main

func main() {
	for {
		continue L
	}
}
