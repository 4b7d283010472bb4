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

// A value of a type parameter is assignable to an interface its constraint's
// methods implement; it converts to and compares as its constraint allows.
type Celsius float64

func (c Celsius) String() string { return "C" }

type StringNumber interface {
	~float64
	String() string
}

func Show[T any](x T) { fmt.Println(x) }

func Boxed[T StringNumber](x T) (any, fmt.Stringer) {
	var v any = x
	var s fmt.Stringer = x
	switch any(x).(type) {
	case Celsius:
	}
	_, _ = any(x).(fmt.Stringer)
	return v, s
}

func Same[T comparable](x, y T) bool { return x == y }

func NoString[T any](x T) fmt.Stringer {
	return x // ERROR "cannot use x (variable of type T constrained by any) as fmt.Stringer value in return statement"
}

func uses() {
	Show(1)
	_, _ = Boxed(Celsius(1))
	_ = Same(1, 2)
	_ = NoString(1)
}
