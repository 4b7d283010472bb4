package main

import "fmt"

func divmod(a, b int) (int, int) { return a / b, a % b }

func sum(xs ...int) (t int) {
	for _, x := range xs {
		t += x
	}
	return
}

func main() {
	q, r := divmod(7, 2)
	fmt.Println(q, r, sum(1, 2, 3), sum())
	fmt.Println(divmod(9, 4))
	xs := []int{4, 5}
	fmt.Printf("%d\n", sum(xs...))
}
