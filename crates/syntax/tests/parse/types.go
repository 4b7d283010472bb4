package main

import "fmt"

type Celsius float64

type Alias = Celsius

type Point struct {
	X, Y int
	name string `json:"name"`
}

type Named struct {
	Point
	*fmt.Stringer
	sync.Mutex
	Tags []string "plain"
}

type Shape interface {
	Area() float64
	Perimeter() (p float64)
	fmt.Stringer
}

type Number interface {
	~int | ~int64 | float64
}

type (
	Grid    [3][3]int
	Handler func(int, string) error
	Table   map[string][]*Point
	In      <-chan int
	Out     chan<- int
	Both    chan chan<- bool
	Empty   struct{}
	Anyface interface{}
)

type List[T any] struct {
	head *T
}

func main() {}
