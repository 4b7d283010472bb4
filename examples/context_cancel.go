// want: exit=0
// schedule: any
// teaches: cancelling a context closes its Done channel, which wakes every goroutine selecting on it, so one call stops them all
// title: Stopping goroutines with context

package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// worker works in 40 ms steps until its context is cancelled.
func worker(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done(): // a closed channel is ready for every receiver
			return ctx.Err()
		case <-time.After(40 * time.Millisecond):
			// one step of work done; check for cancellation again
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	reasons := make([]error, 3)
	var wg sync.WaitGroup
	for id := range reasons {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reasons[id] = worker(ctx)
		}()
	}
	time.Sleep(150 * time.Millisecond) // let them work for a while
	fmt.Println("main: cancel")
	cancel() // closes ctx.Done(): all three selects wake up
	wg.Wait()
	for id, err := range reasons {
		fmt.Printf("worker %d stopped: %v\n", id, err)
	}
}
