package main

func f() {}

const c = 1

func main() {
	v := 1
	var a v
	var b c
	var d f
	_, _, _ = a, b, d
}
