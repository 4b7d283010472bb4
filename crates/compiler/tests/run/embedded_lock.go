package main

import (
	"fmt"
	"sync"
)

type SafeMap struct {
	sync.RWMutex
	m map[string]int
}

func (s *SafeMap) Get(k string) int {
	s.RLock()
	defer s.RUnlock()
	return s.m[k]
}

func withLock(l sync.Locker, f func()) {
	l.Lock()
	defer l.Unlock()
	f()
}

func main() {
	sm := &SafeMap{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			withLock(sm, func() { sm.m["x"] += i })
		}()
	}
	wg.Wait()
	unlock := sm.Unlock
	sm.Lock()
	unlock()
	fmt.Println(sm.Get("x"))
}
