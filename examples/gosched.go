// want: exit=0
// schedule: gomaxprocs=1
// teaches: runtime.Gosched puts the caller at the back of the global run queue, so a waiting goroutine gets the P
// title: runtime.Gosched: yielding the processor

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

func record(format string, args ...any) {
	mu.Lock()
	events = append(events, fmt.Sprintf(format, args...))
	mu.Unlock()
}

func main() {
	runtime.GOMAXPROCS(1) // one P: only one goroutine runs at a time
	runtime.Gosched()     // start on a fresh 10 ms time slice

	done := make(chan bool)
	go func() {
		for i := range 2 {
			record("helper: turn %d", i)
			runtime.Gosched() // step aside for main
		}
		close(done)
	}()
	record("main: helper started, but main still holds the P")
	for i := range 2 {
		record("main: turn %d", i)
		runtime.Gosched() // main goes to the back of the queue; helper runs
	}
	<-done
	record("main: helper finished")
	fmt.Println(strings.Join(events, "\n"))
}
