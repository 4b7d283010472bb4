// want: exit=0
// schedule: any
// teaches: count++ is read, add, write; a Mutex makes the three steps exclusive, an atomic add does them as one indivisible step
// title: Mutex counter vs atomic counter

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var (
		mu       sync.Mutex
		locked   int          // guarded by mu: touch it only while holding the lock
		lockFree atomic.Int64 // safe without a lock: every access is atomic
		wg       sync.WaitGroup
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				mu.Lock() // others trying to Lock now park (sync.Mutex.Lock)
				locked++
				mu.Unlock() // wakes one parked goroutine, if any, to try again

				lockFree.Add(1) // no waiting: one hardware instruction
			}
		}()
	}
	wg.Wait()
	// Neither counter lost an update: 8 goroutines x 500 increments.
	// A plain int++ without the lock would be a data race.
	fmt.Println("mutex counter: ", locked)
	fmt.Println("atomic counter:", lockFree.Load())
}
