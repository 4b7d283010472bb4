// Old TODO items, checked against go1.27.3: several init functions run in order, a
// type parameter constrained by any is assignable to any, and sync.NewCond over a user
// type embedding sync.RWMutex locks the embedded mutex.
package main

import (
	"fmt"
	"sync"
)

var initialized []string

func init() { initialized = append(initialized, "first") }
func init() { initialized = append(initialized, "second") }

func Show[T any](x T) { fmt.Println(x) }

func Box[T any](x T) any { return x }

func Sum[T int | float64](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type lockedQueue struct {
	sync.RWMutex
	items []int
}

func main() {
	fmt.Println(initialized)
	Show(1)
	Show("s")
	Show([]int{1, 2})
	var a any = Box(2.5)
	fmt.Println(a)

	q := &lockedQueue{}
	c := sync.NewCond(q)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.Lock()
			for len(q.items) == 0 {
				c.Wait()
			}
			q.items = q.items[1:]
			q.Unlock()
			_ = i
		}()
	}
	for i := range 3 {
		q.Lock()
		q.items = append(q.items, i)
		c.Signal()
		q.Unlock()
	}
	wg.Wait()
	fmt.Println("queue empty:", len(q.items))
}
