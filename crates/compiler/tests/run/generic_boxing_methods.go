// Type parameters with method constraints box their pointer type arguments; an
// interface type argument (any, error) passes through as it is.
package main

import (
	"errors"
	"fmt"
)

type Counter struct{ n int }

func (c *Counter) String() string { c.n++; return fmt.Sprint("count ", c.n) }

func Join[T fmt.Stringer](xs ...T) []fmt.Stringer {
	var out []fmt.Stringer
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func AsErr[E error](e E) error { return e }

func Find[T comparable](xs []T, want T) (int, any) {
	for i, x := range xs {
		if x == want {
			return i, x
		}
	}
	return -1, nil
}

func main() {
	c := &Counter{}
	for _, s := range Join(c, c) {
		fmt.Println(s)
	}
	err := AsErr(errors.New("boom"))
	fmt.Println(err, errors.Is(err, err))
	i, v := Find([]string{"a", "b"}, "b")
	fmt.Printf("%d %v %T\n", i, v, v)
	j, w := Find([]any{1, "x"}, any("x"))
	fmt.Printf("%d %v %T\n", j, w, w)
}
