package main

import "fmt"

type Number interface {
	~int | ~float64
}

type Meters int

func Sum[T Number](xs []T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

func Zero[T any]() T {
	var z T
	return z
}

func Keys[K comparable, V any](m map[K]V) []K {
	var out []K
	for k := range m {
		out = append(out, k)
	}
	return out
}

func main() {
	fmt.Println(Sum([]Meters{1, 2}), Sum[float64](nil), len(Keys(map[string]int{})))
	fmt.Println(Sum([]string{"a"})) // ERROR "string does not satisfy Number"
	fmt.Println(Zero())             // ERROR "in call to Zero, cannot infer T"
	fmt.Println(Zero[int]())
	f := func(xs []int) {}
	f([]string{}) // ERROR "cannot use []string{} (value of type []string) as []int value in argument to f"
}
