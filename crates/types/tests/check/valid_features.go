package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

type Shape interface{ Area() float64 }

type Square struct{ S float64 }

func (s *Square) Area() float64 { return s.S * s.S }

var _ Shape = (*Square)(nil)

type Logger interface{ Log(string) }

type printLogger struct{ prefix string }

func (p printLogger) Log(s string) { fmt.Println(p.prefix + s) }

type Svc struct {
	Logger
	name string
}

type Celsius float64

type Named interface {
	fmt.Stringer
	Name() string
}

func Stringify[T fmt.Stringer](xs []T) []string {
	var out []string
	for _, x := range xs {
		out = append(out, x.String())
	}
	return out
}

func Total[T ~int | ~float64](xs ...T) float64 {
	var t T
	for _, x := range xs {
		t += x
	}
	return float64(t)
}

type ID int

func (i ID) String() string { return fmt.Sprint(int(i)) }

const (
	x0, y0 = iota, iota * 10
	x1, y1
)

const greeting = "hello"

var arr [len(greeting)]int

func f() (int, error) { return 1, nil }
func g() (string, error) { return "", errors.New("g") }

func main() {
	a, err := f()
	b, err := g()
	if err := errors.Unwrap(err); err != nil {
		fmt.Println(err)
	}
	fmt.Println(a, b, err, x1, y1, len(arr))
	s := Svc{Logger: printLogger{"> "}, name: "svc"}
	s.Log("start")
	var cfg struct {
		a int
		b string
	}
	cfg.a = 1
	fmt.Println(cfg)
	ops := map[string]func(int, int) int{"add": func(a, b int) int { return a + b }}
	fmt.Println(ops["add"](1, 2))
	c := Celsius(36.6)
	fah := c*9/5 + 32
	fmt.Println(fah, uint(len(greeting)))
	m := map[string]int{}
	m["a"]++
	m["b"] += 2
	p := &struct{ X, Y int }{1, 2}
	p.X = 3
	var wg sync.WaitGroup
	var mu sync.Mutex
	results := make([]int, 0)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			results = append(results, i)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	default:
	}
	var any1 interface{} = 5
	if n, ok := any1.(int); ok {
		fmt.Println(n)
	}
	bs := append([]byte("a"), "bc"...)
	n := copy(bs, "zz")
	flags := 7
	flags &^= 2
	sh := 3
	fmt.Println(string(bs), n, flags, 1<<sh, uint8(1)<<sh)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	select {
	case <-ctx.Done():
		fmt.Println(errors.Is(ctx.Err(), context.DeadlineExceeded))
	case <-time.After(time.Millisecond):
	}
	fmt.Println(Stringify([]ID{1, 2}), Total(1, 2, 3), Total[float64](), strings.Join(nil, ","))
	var sb strings.Builder
	fmt.Println(sb.Len())
	t := time.AfterFunc(time.Hour, func() {})
	t.Stop()
	var named Named
	_ = named
	type pair struct{ a, b int }
	type pair2 struct{ a, b int }
	pp := pair2(pair{1, 2})
	fmt.Println(pp, [2]int{1, 2} == [2]int{1, 2})
	var e error
	fmt.Println(e == nil, errors.New("x").Error())
	inc := func() func() int {
		k := 0
		return func() int { k++; return k }
	}()
	fmt.Println(inc(), inc())
}
