package main

func main() {
	)
}
