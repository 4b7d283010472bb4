// want: exit=0
// schedule: any
// teaches: goroutines blocked forever while others run are a leak, not a deadlock: Go reports a deadlock only when every goroutine is stuck
// title: A goroutine leak

package main

import (
	"fmt"
	"runtime"
	"time"
)

// fastest asks three mirrors and returns the first answer.
func fastest(mirrors []string) string {
	answers := make(chan string) // the bug: unbuffered
	for i, m := range mirrors {
		go func() {
			time.Sleep(time.Duration(i+1) * 50 * time.Millisecond)
			answers <- m // only the first sender finds a receiver
		}()
	}
	return <-answers
}

func main() {
	fmt.Println("fastest:", fastest([]string{"europe", "asia", "america"}))

	time.Sleep(200 * time.Millisecond) // all three have tried to send by now
	// The two slower goroutines wait forever on chan send. main still runs,
	// so this is no deadlock, and nothing reports them: they are leaked.
	fmt.Println("goroutines alive:", runtime.NumGoroutine())
	// The fix: make(chan string, len(mirrors)) gives every sender a slot.
}
