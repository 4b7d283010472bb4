package main

import "fmt"

var (
	a = c + b
	b = f()
	c = 1
	d = 3
)

func f() int {
	d++
	return d
}

type T struct{}

func (T) M() int { return e }

var g = T{}.M() + 1

var e = 10

var table = map[string]func() int{"f": f, "m": T{}.M}

var x, y = pair()

func pair() (int, string) { return len(table), "y" }

func main() {
	fmt.Println(a, b, c, d, e, g, x, y, table["m"]())
}
