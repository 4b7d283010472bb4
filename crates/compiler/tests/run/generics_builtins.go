package main

import "fmt"

type Ordered interface {
	~int | ~int8 | ~uint | ~float64 | ~string
}

func Max[T Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m
}

func Apply[T, U any](x T, f func(T) U) U { return f(x) }

func Adder[T Ordered](base T) func(T) T {
	return func(x T) T { return base + x }
}

func Keys[K comparable, V any](m map[K]V) int {
	n := 0
	for range m {
		n++
	}
	return n
}

func Pair[A, B any](a A, b B) (B, A) { return b, a }

type Small int8

func main() {
	fmt.Println(Max(3, 9, 2), Max("b", "a"), Max[float64](1, 2.5), Max(Small(100), Small(120)))
	fmt.Println(Apply(4, func(n int) string { return fmt.Sprint(n * n) }))
	add := Adder("x")
	fmt.Println(add("y"), Adder(Small(120))(Small(10)))
	f := Pair[int, bool]
	fmt.Println(f(1, true))
	fmt.Println(Keys(map[string]int{"a": 1, "b": 2}))
	fmt.Printf("%T %T\n", Max[Small], add)

	s := []int{1, 2, 3, 4}
	n := copy(s, []int{9, 8})
	fmt.Println(n, s, min("b", "a", "c"), max(1.5, -2))
	m := map[int]bool{1: true, 2: false}
	delete(m, 1)
	fmt.Println(len(m), m)
	clear(m)
	clear(s[1:3])
	fmt.Println(len(m), s)
	ch := make(chan string, 3)
	ch <- "a"
	fmt.Println(len(ch), cap(ch), cap(s[1:]), len("héllo"))
	var np *int = new(int)
	*np = 4
	sl := make([]string, 2, 5)
	sl = append(sl, "z")
	fmt.Printf("%d %q %d %d\n", *np, sl, len(sl), cap(sl))
	var nilSlice []int
	fmt.Println(nilSlice == nil, len(nilSlice), append(nilSlice, 1))
}
