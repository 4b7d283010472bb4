package main

import "fmt"

func pair() (int, error) { return 7, nil }

func named() (r int) {
	defer func() { r *= 2 }()
	r = 5
	return r + 1
}

func main() {
	// Never written after its declaration: a closure may hold a copy.
	k := 3
	get := func() int { return k }
	fmt.Println(get())

	// Written after the closure is made: the closure sees the new value.
	x := 1
	show := func() int { return x }
	x = 2
	fmt.Println(show())

	// Redeclared by := (a write to the same variable).
	v, err := pair()
	seeV := func() int { return v }
	v, w := 9, 10
	fmt.Println(seeV(), w, err)

	// Written inside the closure, read outside.
	n := 0
	inc := func() { n++ }
	inc()
	inc()
	fmt.Println(n)

	// Range with = writes the variable; with := each iteration has its own.
	var i int
	var byAssign []func() int
	for i = range 3 {
		byAssign = append(byAssign, func() int { return i })
	}
	var byDefine []func() int
	for j := range 3 {
		byDefine = append(byDefine, func() int { return j })
	}
	for t := range 3 {
		fmt.Println(byAssign[t](), byDefine[t]())
	}

	// A struct field written through the variable.
	type pt struct{ a, b int }
	p := pt{1, 2}
	sum := func() int { return p.a + p.b }
	p.b = 40
	fmt.Println(sum())

	// Nested literals share the outer variable or its copy alike.
	base := 100
	outer := func() func() int { return func() int { return base + 1 } }
	fmt.Println(outer()())

	// Named results are written by return.
	fmt.Println(named())

	// Goroutines capturing channels by value.
	done := make(chan int)
	go func() { done <- k * 2 }()
	fmt.Println(<-done)
}
