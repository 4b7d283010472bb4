// `go f(x)` where f is a standard-library function: it runs on the new goroutine when
// that goroutine is scheduled (here after main yields), and it may block.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	go fmt.Println("printed by a new goroutine")
	fmt.Println("main runs first")
	runtime.Gosched()

	var wg sync.WaitGroup
	wg.Add(1)
	go wg.Wait()
	go time.Sleep(time.Second)
	time.Sleep(time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
	wg.Done()
	time.Sleep(time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())

	var mu sync.Mutex
	mu.Lock()
	go mu.Unlock()
	mu.Lock()
	fmt.Println("unlocked by another goroutine")
}
