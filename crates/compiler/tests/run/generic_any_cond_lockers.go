// Type parameters boxed into any (type switches, slices, maps, channels, ==), and
// sync.Cond over a Locker embedded by pointer two levels deep and over a *sync.RWMutex.
package main

import (
	"fmt"
	"sync"
)

type Pair struct {
	Key string
	Val int
}

func Describe[T any](x T) string {
	var a any = x
	switch v := a.(type) {
	case int:
		return fmt.Sprint("int ", v)
	case string:
		return "string " + v
	}
	return fmt.Sprintf("%T %v", x, x)
}

func Collect[T any](xs ...T) []any {
	out := []any{}
	for _, x := range xs {
		out = append(out, x)
	}
	return out
}

func Same[T comparable](a, b T) bool { return any(a) == any(b) }

func ToMap[K comparable, V any](ks []K, vs []V) map[K]any {
	m := map[K]any{}
	for i, k := range ks {
		m[k] = vs[i]
	}
	return m
}

func Send[T any](ch chan<- any, x T) { ch <- x }

type ptrLocked struct {
	*sync.Mutex
	n int
}

type nested struct {
	ptrLocked
}

func main() {
	fmt.Println(Describe(3), Describe("x"), Describe(2.5), Describe([]int{1}))
	fmt.Println(Collect(1, 2, 3), Collect("a"))
	fmt.Println(Same(1, 1), Same("a", "b"))
	fmt.Println(ToMap([]string{"a", "b"}, []int{1, 2}))
	ch := make(chan any, 1)
	Send(ch, Pair{"one", 1})
	fmt.Println(<-ch)
	fmt.Printf("%v %d\n", Collect(4)[0], Collect(5)[0])

	l := &nested{ptrLocked{Mutex: &sync.Mutex{}}}
	c := sync.NewCond(l)
	done := make(chan bool)
	go func() {
		l.Lock()
		for l.n == 0 {
			c.Wait()
		}
		l.Unlock()
		done <- true
	}()
	l.Lock()
	l.n = 1
	c.Broadcast()
	l.Unlock()
	<-done
	fmt.Println("nested ptr locker ok")
	var rw sync.RWMutex
	c2 := sync.NewCond(&rw)
	go func() {
		rw.Lock()
		c2.Signal()
		rw.Unlock()
	}()
	rw.Lock()
	c2.Wait()
	rw.Unlock()
	fmt.Println("rwmutex cond ok")
}
