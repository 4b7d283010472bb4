package main

import (
	"fmt"
	"strconv"
)

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type Box struct{ n int }

func (b *Box) String() string { return "box" + strconv.Itoa(b.n) }

func Join[T fmt.Stringer](xs []T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x.String()
	}
	return s
}

func Bind[T fmt.Stringer](x T) func() string { return x.String }

func main() {
	fmt.Println(Join([]Celsius{1, 2.5}), Join([]*Box{{1}, {2}}))
	fmt.Println(Bind(Celsius(3))(), Join([]fmt.Stringer{Celsius(4), &Box{5}}))
}
