package main

import "fmt"

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func main() {
	var s Shape = Rect{2, 3}
	fmt.Println(s.Area())
	if r, ok := s.(Rect); ok {
		fmt.Println(r.W)
	}
	var c Counter
	c.Inc()
	inc := c.Inc
	inc()
	fmt.Println(c.n)
}
