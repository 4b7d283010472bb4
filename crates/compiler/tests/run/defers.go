package main

import (
	"errors"
	"fmt"
)

type closer struct{ name string }

func (c *closer) Close() { fmt.Println("close", c.name) }

func risky(n int) (res string, err error) {
	c := &closer{"r"}
	defer c.Close()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("risky(%d): %v", n, r)
			res = "partial"
		}
	}()
	res = "started"
	if n == 0 {
		panic(errors.New("zero"))
	}
	var arr []int
	_ = arr[n]
	return "done", nil
}

func counter() (n int) {
	for i := range 3 {
		defer func() { n += i }()
	}
	return 10
}

func deferArgs() {
	x := 1
	defer fmt.Println("deferred sees", x)
	defer func(v int) { fmt.Println("param", v, "closure", x) }(x)
	x = 5
}

type stack []int

func (s *stack) push(v int) { *s = append(*s, v) }

func main() {
	fmt.Println(risky(0))
	fmt.Println(risky(2))
	fmt.Println(counter())
	deferArgs()
	var s stack
	for i := range 3 {
		defer s.push(i)
	}
	func() {
		defer func() {
			fmt.Println("inner recovered:", recover())
		}()
		var m map[string]int
		m["a"]++
	}()
	fmt.Println(len(s), deferRecoverDirectly())
}

func deferRecoverDirectly() (ok bool) {
	defer func() { ok = recover() != nil }()
	defer recover()
	panic("not stopped by defer recover()")
}
