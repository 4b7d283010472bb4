// want: exit=0
// schedule: gomaxprocs=1
// teaches: a goroutine spinning in a loop without function calls cannot hold the only P forever: since Go 1.14 it is preempted after about 10 ms
// title: Preemption of a CPU-bound goroutine

package main

import (
	"fmt"
	"runtime"
	"time"
)

var spins uint64 // written only by the spinner, never read

func main() {
	runtime.GOMAXPROCS(1) // one P: while the spinner runs, nothing else can

	go func() {
		for {
			spins++ // no call, no channel, no Gosched: it never yields by itself
		}
	}()

	for i := 1; i <= 3; i++ {
		// main sleeps, so the spinner gets the P. When main's timer fires,
		// the P is still busy; sysmon notices the spinner has run for 10 ms
		// and preempts it (a signal interrupts the loop), main runs again.
		time.Sleep(20 * time.Millisecond)
		fmt.Println("main woke up", i, "time(s) despite the spinner")
	}
	// Before Go 1.14 the first Sleep would never have returned.
	fmt.Println("main returns: the program ends, spinner and all")
}
