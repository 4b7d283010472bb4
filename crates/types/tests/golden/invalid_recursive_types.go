package main

type T struct {
	t T
}

type A struct{ b B }
type B struct{ a [2]A }

type I interface{ I }

type L struct{ next *L }

func main() {
	var t T
	var a A
	var l L
	_, _, _ = t, a, l
}
