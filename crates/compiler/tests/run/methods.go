package main

import (
	"errors"
	"fmt"
	"strings"
)

type Pt struct{ X, Y int }

func (p Pt) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }
func (p *Pt) Move(dx int)   { p.X += dx }

type Named struct {
	*Pt
	Name string
}

type Walker interface{ Move(int) }

type Greeter interface {
	fmt.Stringer
	Walker
}

type MyErr struct{ code int }

func (e *MyErr) Error() string { return fmt.Sprint("code ", e.code) }

func find(ok bool) error {
	var e *MyErr
	if ok {
		return nil
	}
	return e
}

func main() {
	p := Pt{1, 2}
	show := p.String
	p.Move(5)
	fmt.Println(show(), p.String(), p)

	mv := (*Pt).Move
	mv(&p, 1)
	str := Pt.String
	fmt.Println(str(p))

	n := Named{&Pt{0, 0}, "n"}
	n.Move(3)
	var g Greeter = n
	g.Move(4)
	fmt.Println(g, n.X, g.String())

	var w Walker = &p
	w.Move(-7)
	fmt.Println(p)
	if s, ok := w.(fmt.Stringer); ok {
		fmt.Println("stringer", s)
	}
	_, isPt := w.(*Pt)
	fmt.Println(isPt)

	err := find(false)
	fmt.Println(err == nil, find(true) == nil)
	var me *MyErr
	fmt.Println(errors.As(fmt.Errorf("wrap: %w", &MyErr{7}), &me), me.code)

	up := strings.ToUpper
	fmt.Println(up("go"), strings.Map(func(r rune) rune { return r + 1 }, "abc"))
	var sb strings.Builder
	for i := range 3 {
		sb.WriteString(fmt.Sprint(i))
	}
	fmt.Println(sb.String(), sb.Len())
}
