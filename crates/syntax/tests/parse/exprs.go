package main

func main() {
	a := 1 + 2*3 - 4/2%3
	b := a<<2 | a&^1 ^ 3&a>>1
	c := a > 1 && b < 2 || !(a == b) && a != 0
	d := -a + +b - ^a
	p := &a
	e := *p * 2
	v := <-ch
	s := xs[1:3]
	t := xs[:]
	u := xs[1:2:3]
	w := xs[i+1]
	f := m["k"].field.method(1, 2)
	g := x.(int)
	h := (*int)(nil)
	i := []byte("x")
	j := f2[int](3)
	k := Pair[int, string]{}
	l := fmt.Sprintf("%d", xs...)
	m := func(n int) int { return n }(3)
	n := <-chan int(nil)
	o := (a + b) * c
}
