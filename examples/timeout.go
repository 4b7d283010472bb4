// want: exit=0
// schedule: any
// teaches: select with time.After gives up on a slow operation; a buffered result channel lets the abandoned goroutine finish
// title: Timeouts with select and time.After

package main

import (
	"fmt"
	"time"
)

// lookup pretends to ask a slow server; the answer takes `delay` to arrive.
func lookup(name string, delay time.Duration) <-chan string {
	// Capacity 1: if nobody is listening any more, the send still succeeds
	// and the goroutine exits instead of leaking, blocked forever.
	answer := make(chan string, 1)
	go func() {
		time.Sleep(delay)
		answer <- "address of " + name
	}()
	return answer
}

func fetch(name string, delay, limit time.Duration) {
	select {
	case a := <-lookup(name, delay):
		fmt.Println("got", a)
	case <-time.After(limit): // a channel that receives once, after limit
		fmt.Println("gave up on", name, "after", limit)
	}
}

func main() {
	fetch("fast.example", 20*time.Millisecond, 250*time.Millisecond)
	fetch("slow.example", 500*time.Millisecond, 250*time.Millisecond)
	fetch("quick.example", 0, 100*time.Millisecond)
}
