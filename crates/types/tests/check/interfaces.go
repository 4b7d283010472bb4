package main

import "fmt"

type Shape interface {
	Area() float64
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Square struct{ S float64 }

func (s *Square) Area() float64 { return s.S * s.S }

type Blob struct{}

func main() {
	var s Shape = Rect{1, 2}
	s = &Square{2}
	s = Square{2} // ERROR "cannot use Square{…} (value of struct type Square) as Shape value in assignment: Square does not implement Shape (method Area has pointer receiver)"
	s = Blob{}    // ERROR "Blob does not implement Shape (missing method Area)"
	n := 3
	_ = n.(int) // ERROR "invalid operation: n (variable of type int) is not an interface"
	_ = s.(Blob) // ERROR "impossible type assertion: s.(Blob)"
	r, ok := s.(Rect)
	fmt.Println(r, ok)
	var x any = 1
	switch x.(type) {
	case int, string:
	case int: // ERROR "duplicate case int in type switch"
	}
}
