// want: exit=0
// schedule: any
// teaches: goroutines start on their creator's P; idle Ps steal half of a busy P's run queue, so the work spreads over all four Ps
// title: Work stealing with GOMAXPROCS(4)

package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// work is CPU-bound busywork: it never blocks, so a goroutine only leaves
// its P when it finishes or is preempted.
func work(n int) int64 {
	var sum int64
	for i := range n * 2000 {
		sum += int64(i % 7)
	}
	return sum
}

func main() {
	runtime.GOMAXPROCS(4)

	var total atomic.Int64
	var wg sync.WaitGroup
	// All 16 goroutines land in main's P (runnext and its local queue).
	// The other three Ps wake up, find nothing of their own, and steal.
	for task := 1; task <= 16; task++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total.Add(work(task))
		}()
	}
	wg.Wait()
	// Which P ran which task differs from run to run; the sum does not.
	fmt.Println("tasks: 16, total:", total.Load())
}
