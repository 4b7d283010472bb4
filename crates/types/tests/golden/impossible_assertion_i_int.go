package main

func main() {
	var i interface{ M() }
	_ = i.(int)
}
