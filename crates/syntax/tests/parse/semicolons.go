package main; import "fmt"

func f() int { return 1 }
func g() { fmt.Println("x"); fmt.Println("y") }

func main() { x := f(); if x > 0 { g() }; for i := 0; i < 2; i++ { g() } }

var v = []int{
	1,
	2,
}

func call() {
	fmt.Println(
		"a",
		"b",
	)
}
