// context.WithValue and ctx.Value: lookups walk up the parents, the nearest key wins,
// keys compare with == on their dynamic type, and cancellation reaches value contexts.
package main

import (
	"context"
	"fmt"
)

type key string
type other string

func main() {
	bg := context.Background()
	a := context.WithValue(bg, key("user"), "ann")
	b := context.WithValue(a, key("role"), "admin")
	c := context.WithValue(b, key("user"), "bob")
	fmt.Println(a.Value(key("user")), b.Value(key("user")), c.Value(key("user")))
	fmt.Println(b.Value(key("role")), a.Value(key("role")))
	fmt.Println(c.Value(other("user")), c.Value("user"))
	fmt.Println(bg.Value(key("user")))

	ctx, cancel := context.WithCancel(b)
	d := context.WithValue(ctx, 42, []int{1, 2})
	fmt.Println(d.Value(key("role")), d.Value(42), d.Err())
	cancel()
	<-d.Done()
	fmt.Println(d.Err(), ctx.Err(), b.Err())
	fmt.Println(d.Value(key("user")))

	defer func() { fmt.Println("recovered:", recover()) }()
	context.WithValue(bg, nil, 1)
}
