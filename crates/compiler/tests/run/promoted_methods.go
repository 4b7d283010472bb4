package main

import (
	"fmt"
	"sync"
)

type C struct {
	sync.Mutex
	n int
}

func (c *C) Inc()     { c.n++ }
func (c C) Val() int  { return c.n }
func (c *C) Ptr() *C  { return c }

type B struct{ C }
type A struct{ *B }
type D struct {
	A
	name string
}

type guarded struct {
	mu   sync.RWMutex
	data map[string]int
}

type store struct {
	guarded
	hits int
}

func newStore() *store { return &store{guarded: guarded{data: map[string]int{}}} }

func (s *store) put(k string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[k] = v
}

func (s *store) get(k string) (int, bool) {
	s.guarded.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.data[k]
	return v, ok
}

type Incer interface{ Inc() }
type Valer interface{ Val() int }

func main() {
	a := A{&B{}}
	a.Inc()
	a.B.Inc()
	a.C.Inc()
	a.B.C.Inc()
	fmt.Println("a:", a.n, a.Val(), a.B.C.n)
	a.Lock()
	fmt.Println("a locked:", !a.B.C.Mutex.TryLock())
	a.B.Unlock()

	// Copying A shares *B.
	a2 := a
	a2.Inc()
	fmt.Println("shared:", a.n, a2.n)

	var d D
	d.A = a
	d.Inc()
	inc := d.Inc
	inc()
	val := d.Val
	d.Inc()
	fmt.Println("d:", d.n, val(), d.Val())
	fmt.Println("same:", d.Ptr() == a.B.Ptr(), d.Ptr() == &a.B.C)

	// defer and go with promoted methods.
	func() {
		d.Lock()
		defer d.Unlock()
		d.n += 10
	}()
	fmt.Println("after defer free:", d.TryLock())
	d.Unlock()
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.Lock()
			defer d.A.B.C.Mutex.Unlock()
			d.n++
		}()
	}
	wg.Wait()
	wg.Add(1)
	go d.Inc()
	go wg.Done()
	wg.Wait()
	fmt.Println("d.n:", d.n >= 20)

	// Interfaces through promotion: value types with an embedded pointer get pointer methods.
	var i Incer = a
	i.Inc()
	var v Valer = d
	fmt.Println("ifaces:", a.n, v.Val())
	var l sync.Locker = d
	l.Lock()
	fmt.Println("d locked via iface:", !a.TryLock())
	l.Unlock()

	// A store with an embedded guarded struct.
	s := newStore()
	var wg2 sync.WaitGroup
	for i := range 8 {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			s.put(fmt.Sprint(i%3), i)
			s.get("0")
		}()
	}
	wg2.Wait()
	_, ok := s.get("2")
	fmt.Println("store:", len(s.data), ok)

	// Method values of pointer methods through an addressable embedded value.
	var b B
	bi := b.Inc
	bi()
	bi()
	bl, bu := b.Lock, b.C.Unlock
	bl()
	fmt.Println("b:", b.n, !b.TryLock())
	bu()
	fmt.Println("b free:", b.TryLock())

	// A slice element and a struct field of array type.
	bs := make([]B, 3)
	bs[2].Inc()
	bs[2].Lock()
	fmt.Println("bs:", bs[2].n, !bs[2].C.TryLock(), bs[1].TryLock())
	var arr struct{ items [2]C }
	arr.items[1].Inc()
	arr.items[1].Lock()
	fmt.Println("arr:", arr.items[1].n, !arr.items[1].TryLock())

	// Method expressions of promoted methods.
	incB := (*B).Inc
	incB(&b)
	valB := B.Val
	fmt.Println("exprs:", valB(b), (*D).Val(&d) == d.n)
	lockA := A.Lock
	lockA(a)
	fmt.Println("a locked by expr:", !a.TryLock())
	A.Unlock(a)

	// A nil embedded pointer: the method value panics when it is made.
	defer func() { fmt.Println("recovered:", recover()) }()
	var z A
	f := z.Inc
	f()
}
