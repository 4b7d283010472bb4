package main

type Number interface {
	~int | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	return s
}

func Any[T any](x T) T { return Sum(x) }

func Narrow[T ~int](x T) T { return Sum(x) }

func main() { _ = Any(1) + Narrow(2) }
