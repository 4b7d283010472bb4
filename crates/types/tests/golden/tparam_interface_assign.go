package main

import "fmt"

type Num interface{ ~int | ~float64 }

func F[T any](x T) {
	var s fmt.Stringer = x
	_ = s
}

func G[T Num](x T) error {
	return x
}

func H[T any](x, y T) bool {
	return x == y
}

func main() {
	F(1)
	G(1)
	H(1, 2)
}
