// want: exit=0
// schedule: gomaxprocs=1
// teaches: with one P a new goroutine takes the runnext slot and bumps the previous one to the run queue, so the newest runs first and the rest in order
// title: runnext: the newest goroutine runs first

package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// Events are printed at the end: a print is a system call that may hand the P to another goroutine.
var mu sync.Mutex
var events []string

func record(event string) {
	mu.Lock()
	events = append(events, event)
	mu.Unlock()
}

func main() {
	runtime.GOMAXPROCS(1) // one P: only one goroutine runs at a time
	runtime.Gosched()     // start on a fresh 10 ms time slice

	var wg sync.WaitGroup
	for _, name := range []string{"A", "B", "C", "D"} {
		wg.Add(1)
		// The new goroutine goes into runnext; whoever was there moves to
		// the tail of the local run queue. After D: runnext=D, queue=[A B C].
		go func() {
			defer wg.Done()
			record(name + " runs")
		}()
	}
	record("main started A, B, C, D; none has run yet")
	wg.Wait() // main blocks: the P takes runnext (D) first, then A, B, C
	record("main wakes up")
	fmt.Println(strings.Join(events, "\n"))
}
