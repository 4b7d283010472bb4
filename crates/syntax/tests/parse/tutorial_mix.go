package main

import (
	"errors"
	"fmt"
	"sync"
)

type Stack[T any] struct {
	items []T
	mu    sync.Mutex
}

func (s *Stack[T]) Push(v T) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, v)
}

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

type op func(a, b int) (int, error)

var ErrDiv = errors.New("div by zero")

var ops = map[string]op{
	"+": func(a, b int) (int, error) { return a + b, nil },
	"/": func(a, b int) (int, error) {
		if b == 0 {
			return 0, ErrDiv
		}
		return a / b, nil
	},
}

type state int

const (
	idle state = iota
	running
	stopped
)

func (s state) String() string {
	switch s {
	case idle:
		return "idle"
	case running:
		return "running"
	}
	return fmt.Sprintf("state(%d)", int(s))
}

func producer(n int) <-chan int {
	out := make(chan int, n)
	go func() {
		defer close(out)
		for i := range n {
			out <- i * i
		}
	}()
	return out
}

func main() {
	var wg sync.WaitGroup
	results := make([]int, 0, 10)
	var mu sync.Mutex
	for v := range producer(5) {
		wg.Add(1)
		go func(x int) {
			defer wg.Done()
			mu.Lock()
			results = append(results, x)
			mu.Unlock()
		}(v)
	}
	wg.Wait()
	s := &Stack[int]{}
	s.Push(1)
	if v, ok := s.Pop(); ok && v > 0 {
		fmt.Println(v, idle, running)
	}
	timeout := make(chan struct{})
	done := make(chan bool, 1)
	select {
	case <-timeout:
	case d, ok := <-done:
		_, _ = d, ok
	default:
		fmt.Println("nothing")
	}
	matrix := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	for i, row := range matrix {
		for j := range row {
			matrix[i][j] *= 2
		}
	}
	fn := ops["/"]
	if _, err := fn(1, 0); errors.Is(err, ErrDiv) {
		fmt.Printf("%v %T\n", err, err)
	}
	type pair struct {
		k string
		v int
	}
	ps := []pair{{"a", 1}, {k: "b", v: 2}}
	var iface interface{} = ps[0]
	if p, ok := iface.(pair); ok {
		fmt.Println(p.k)
	}
	x := 10
	ptr := &x
	*ptr++
	fmt.Println(x, len(ps), cap(results), min(1, 2), max(3.5, 1))
	var arr [5]int
	sl := arr[1:3:4]
	_ = sl
	func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered:", r)
			}
		}()
		panic("boom")
	}()
	ch := make(chan chan<- int)
	_ = ch
	var f func(...int) int = func(xs ...int) (total int) {
		for _, x := range xs {
			total += x
		}
		return
	}
	fmt.Println(f(1, 2, 3), f([]int{4, 5}...))
	b := x > 5 && (x < 100 || x == -1)
	fmt.Println(!b, ^x, x&^3, x<<2>>1, 07, 0x1F, 1e3, 'a', "\u00e9", `raw`)
}
