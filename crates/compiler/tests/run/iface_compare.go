package main

import (
	"errors"
	"fmt"
)

var ErrA = errors.New("a")

type key struct{ a, b int }

func kind(v any) string {
	switch v {
	case 1:
		return "one"
	case "x":
		return "ex"
	case key{1, 2}:
		return "key"
	case nil:
		return "nil"
	}
	return "?"
}

func main() {
	fmt.Println(kind(1), kind("x"), kind(key{1, 2}), kind(nil), kind(2.5))
	err := fmt.Errorf("ctx: %w", ErrA)
	switch {
	case errors.Is(err, ErrA):
		fmt.Println("is A")
	}
	switch e := error(ErrA); e {
	case ErrA:
		fmt.Println("same A")
	}
	m := map[any]int{1: 1, "1": 2, key{0, 1}: 3}
	m[key{0, 1}]++
	fmt.Println(m[1], m["1"], m[key{0, 1}], len(m))
	var p1, p2 *key = &key{}, &key{}
	var i1, i2 any = p1, p1
	fmt.Println(p1 == p2, *p1 == *p2, i1 == i2, i1 == any(p2))
	arr1, arr2 := [2]string{"a", "b"}, [2]string{"a", "b"}
	ch := make(chan int)
	var ch2 = ch
	fmt.Println(arr1 == arr2, ch == ch2, any(arr1) == any(arr2))
}
