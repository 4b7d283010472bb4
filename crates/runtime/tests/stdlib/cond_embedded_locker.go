// sync.NewCond with a user Locker: a struct embedding sync.Mutex (its promoted
// Lock/Unlock), one embedding *sync.RWMutex by pointer, and one embedding a pointer to
// the first (the mutex two levels down).
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	sync.Mutex
	n int
}

type shared struct {
	*sync.RWMutex
	ready bool
}

type outer struct {
	*counter
	name string
}

func waitAll(c *sync.Cond, l sync.Locker, ready func() bool, workers int) {
	done := make(chan int)
	for i := 0; i < workers; i++ {
		go func(i int) {
			l.Lock()
			for !ready() {
				c.Wait()
			}
			l.Unlock()
			done <- i
		}(i)
	}
	sum := 0
	for i := 0; i < workers; i++ {
		sum += <-done
	}
	fmt.Println("all", workers, "workers woke, sum", sum)
}

func main() {
	var c counter
	cond := sync.NewCond(&c)
	go func() {
		c.Lock()
		c.n = 1
		c.Unlock()
		cond.Broadcast()
	}()
	waitAll(cond, &c, func() bool { return c.n == 1 }, 3)

	s := shared{RWMutex: new(sync.RWMutex)}
	cond2 := sync.NewCond(s)
	go func() {
		s.Lock()
		s.ready = true
		s.Unlock()
		cond2.Broadcast()
	}()
	waitAll(cond2, s, func() bool { return s.ready }, 4)

	o := outer{counter: new(counter)}
	cond3 := sync.NewCond(&o)
	go func() {
		o.Lock()
		o.n = 2
		o.Unlock()
		cond3.Signal()
		cond3.Signal()
	}()
	waitAll(cond3, &o, func() bool { return o.n == 2 }, 2)
}
