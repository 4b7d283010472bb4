package main

func main() {
	var s []byte = "abc"
	_ = s
}
