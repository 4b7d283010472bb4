package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Keys[K comparable, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}

func First[T any](xs []T) (T, bool) {
	var zero T
	if len(xs) == 0 {
		return zero, false
	}
	return xs[0], true
}

func Join[T fmt.Stringer](xs []T, sep string) string {
	parts := []string{}
	for _, x := range xs {
		parts = append(parts, x.String())
	}
	return strings.Join(parts, sep)
}

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) }

func SumOf[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Avg[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(SumOf(xs...)) / float64(len(xs))
}

func Counter[T comparable]() func(T) int {
	seen := map[T]int{}
	return func(x T) int {
		seen[x]++
		return seen[x]
	}
}



func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func Ptr[T any](v T) *T { return &v }

func Reverse[T any](xs []T) {
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
}

func Contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func main() {
	strs := Map([]int{1, 2, 3}, strconv.Itoa)
	fmt.Println(strs, len(Keys(map[string]bool{"a": true})))
	v, ok := First([]string{})
	fmt.Printf("%q %v\n", v, ok)
	fmt.Println(Join([]Celsius{1.5, 2}, ", "))
	fmt.Println(SumOf(1, 2, 3), SumOf(1.5, 2), SumOf[int64](), Avg([]int{1, 2}))
	c := Counter[string]()
	c("a")
	fmt.Println(c("a"))
	n := Must(strconv.Atoi("42"))
	p := Ptr(3)
	*p++
	xs := []int{1, 2, 3}
	Reverse(xs)
	fmt.Println(n, *p, xs, Contains(xs, 2), Contains([]string{"x"}, "y"))
	_, err := strconv.Atoi("x")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func)
}
