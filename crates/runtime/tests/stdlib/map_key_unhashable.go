package main

import "fmt"

type pair struct {
	a int
	b any
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Println(name, "->", r, isErr)
	}()
	f()
}

func main() {
	m := map[any]int{}
	try("read slice, empty map", func() { _ = m[[]int{1}] })
	try("read slice in array, empty map", func() { _ = m[[1]any{[]int{1}}] })
	try("delete slice in array, empty map", func() { delete(m, [1]any{[]int{1}}) })
	try("write slice in array", func() { m[[1]any{[]int{1}}] = 1 })
	try("write map in struct", func() { m[pair{1, map[string]int{}}] = 2 })
	try("write func in nested array", func() { m[[2][1]any{{1}, {func() {}}}] = 1 })
	try("write slice in any in array", func() { m[[1]any{[1]any{[]string{"x"}}}] = 3 })
	var nilMap map[any]int
	try("read, nil map", func() { _ = nilMap[[]int{1}] })
	try("delete, nil map", func() { delete(nilMap, []int{1}) })
	m[1] = 1
	try("read slice in array", func() { _, _ = m[[1]any{[]int{1}}] })
	try("delete slice", func() { delete(m, []int{1}) })
	ps := map[pair]bool{}
	try("struct key with slice", func() { ps[pair{2, []byte("hi")}] = true })
	try("fine keys", func() {
		m[[1]any{1}] = 4
		m[pair{1, "x"}] = 5
		ps[pair{3, [2]int{1, 2}}] = true
		delete(m, 1)
		fmt.Println(len(m), len(ps), m[[1]any{1}], ps[pair{3, [2]int{1, 2}}])
	})
}
