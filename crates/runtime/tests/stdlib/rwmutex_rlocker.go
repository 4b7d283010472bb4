// RWMutex.RLocker: a Locker whose Lock and Unlock take and release the read lock, so
// several holders may share it while a writer is kept out.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	r := rw.RLocker()
	r.Lock()
	r.Lock()
	fmt.Println("two readers, writer gets in:", rw.TryLock())
	r.Unlock()
	r.Unlock()
	fmt.Println("no readers, writer gets in:", rw.TryLock())
	rw.Unlock()

	var wg sync.WaitGroup
	shared := 0
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(l sync.Locker) {
			defer wg.Done()
			l.Lock()
			defer l.Unlock()
			_ = shared
		}(r)
	}
	wg.Wait()
	rw.Lock()
	shared = 42
	rw.Unlock()
	fmt.Println("shared:", shared)
}
