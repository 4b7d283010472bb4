package main

func main() {
	print(nil)
}
