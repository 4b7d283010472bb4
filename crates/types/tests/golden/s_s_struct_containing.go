package main

func main() {
	type S struct{ a []int }
	_ = S{} == S{}
}
