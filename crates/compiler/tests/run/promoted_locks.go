package main

import (
	"fmt"
	"sync"
)

type inner struct {
	mu sync.Mutex
	n  int
}

type outer struct{ inner }

type outerPtr struct{ *inner }

type lockable struct{ sync.Mutex }

type twoLevels struct{ lockable }

type viaPtr struct{ *lockable }

type rw struct {
	sync.RWMutex
	hits int
}

type rwOuter struct{ rw }

type counter struct{ n int }

func (c *counter) Inc()      { c.n++ }
func (c counter) Get() int   { return c.n }
func (c *counter) Add(d int) { c.n += d }

type wrap struct{ counter }
type wrapPtr struct{ *counter }
type wrap2 struct{ wrap }

func main() {
	// A field of an embedded struct, locked and unlocked by two paths.
	var o outer
	o.mu.Lock()
	fmt.Println("o locked:", !o.inner.mu.TryLock())
	o.inner.mu.Unlock()
	fmt.Println("o free:", o.mu.TryLock())
	o.mu.Unlock()

	// Through a pointer to the outer struct.
	po := &outer{}
	po.mu.Lock()
	fmt.Println("po locked:", !po.inner.mu.TryLock())
	po.inner.mu.Unlock()

	// Embedded by pointer.
	op := outerPtr{&inner{}}
	op.mu.Lock()
	fmt.Println("op locked:", !op.inner.mu.TryLock())
	op.mu.Unlock()
	op.n = 3
	fmt.Println("op n:", op.inner.n)

	// Promoted Lock on a struct embedding sync.Mutex, one and two levels deep.
	var l lockable
	l.Lock()
	fmt.Println("l locked:", !l.Mutex.TryLock())
	l.Unlock()
	var t twoLevels
	t.Lock()
	fmt.Println("t locked:", !t.lockable.Mutex.TryLock(), !t.TryLock())
	t.lockable.Unlock()
	fmt.Println("t free:", t.TryLock())
	t.Unlock()
	vp := viaPtr{&lockable{}}
	vp.Lock()
	fmt.Println("vp locked:", !vp.lockable.TryLock())
	vp.Unlock()

	// Method values with pointer receivers promoted through values and pointers.
	lock, unlock := t.Lock, t.Unlock
	lock()
	fmt.Println("method value locked:", !t.TryLock())
	unlock()
	fmt.Println("method value freed:", t.TryLock())
	t.Unlock()
	pt := &t
	plock := pt.Lock
	plock()
	fmt.Println("ptr method value locked:", !t.TryLock())
	pt.Unlock()

	// Method expressions.
	lockExpr := (*twoLevels).Lock
	lockExpr(&t)
	fmt.Println("method expr locked:", !t.TryLock())
	(*twoLevels).Unlock(&t)

	// RWMutex promoted two levels deep.
	var r rwOuter
	r.RLock()
	r.RLock()
	fmt.Println("r try lock:", r.TryLock())
	r.RUnlock()
	r.rw.RUnlock()
	fmt.Println("r try lock after:", r.TryLock())
	fmt.Println("r try rlock:", r.TryRLock())
	r.rw.RWMutex.Unlock()

	// Counters: pointer methods through embedded values must change the original.
	var w wrap
	w.Inc()
	w.counter.Inc()
	w.Add(3)
	inc := w.Inc
	inc()
	fmt.Println("w:", w.n, w.Get(), w.counter.Get())
	wp := wrapPtr{&counter{}}
	wp.Inc()
	winc := wp.Inc
	winc()
	fmt.Println("wp:", wp.n)
	var w2 wrap2
	w2.Inc()
	w2.wrap.Inc()
	w2.wrap.counter.Inc()
	get := w2.Get
	w2.Inc()
	fmt.Println("w2:", w2.n, get(), w2.Get())
	ws := []wrap{{}, {}}
	ws[1].Inc()
	ws[1].Add(2)
	fmt.Println("ws:", ws[0].n, ws[1].n)
	m := map[string]*wrap{"a": {}}
	m["a"].Inc()
	fmt.Println("m:", m["a"].n)
	arr := [2]outer{}
	arr[1].mu.Lock()
	fmt.Println("arr locked:", !arr[1].inner.mu.TryLock(), arr[0].mu.TryLock())

	// Interfaces satisfied through promotion.
	var locker sync.Locker = &t
	locker.Lock()
	fmt.Println("locker locked:", !t.TryLock())
	locker.Unlock()
	var lk sync.Locker = vp
	lk.Lock()
	fmt.Println("vp via iface locked:", !vp.TryLock())
	lk.Unlock()

	// Goroutines sharing the embedded lock.
	var wg sync.WaitGroup
	shared := &outer{}
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			shared.mu.Lock()
			shared.n++
			shared.inner.mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("shared:", shared.n)
}
