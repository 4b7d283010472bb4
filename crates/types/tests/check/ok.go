package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

type Animal struct{ Name string }

func (a *Animal) Rename(n string) { a.Name = n }
func (a Animal) Hello() string    { return "hi " + a.Name }

type Dog struct {
	Animal
	*sync.Mutex
}

type Op func(int) int

func (o Op) Twice(x int) int { return o(o(x)) }

var ErrX = errors.New("x")

func divmod(a, b int) (q, r int) {
	q, r = a/b, a%b
	return
}

func main() {
	d := Dog{Animal: Animal{"rex"}, Mutex: &sync.Mutex{}}
	d.Rename("max")
	d.Lock()
	d.Unlock()
	fmt.Println(d.Hello(), d.Name)
	var sb strings.Builder
	sb.WriteString("a")
	fmt.Println(sb.String(), time.Second*2, 2*time.Millisecond)
	inc := Op(func(x int) int { return x + 1 })
	fmt.Println(inc.Twice(1))
	fmt.Println(divmod(7, 2))
	m := map[string][]int{"a": {1}}
	m["a"] = append(m["a"], 2)
	if v, ok := m["b"]; !ok {
		fmt.Println(v == nil)
	}
	var p *Animal
	fmt.Println(p == nil, errors.Is(ErrX, ErrX))
	type pt struct{ x, y int }
	pts := []*pt{{1, 2}, {3, 4}}
	arr := [...]string{2: "c", 0: "a"}
	fmt.Println(len(pts), len(arr), pts[0].x)
	var u8 uint8 = 255
	u8++
	const shift = 3
	var n int64 = 1 << shift
	fmt.Println(u8, n, 'a'+1, string(rune(65)), ^uint8(0))
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for v := range ch {
			fmt.Println(v)
		}
	}()
	select {
	case ch <- 1:
	case <-time.After(time.Second):
	}
	close(ch)
	<-done
}
