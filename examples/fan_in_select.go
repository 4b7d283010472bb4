// want: exit=0
// schedule: any
// teaches: select waits on several channels at once and takes whichever is ready first, merging two streams into one
// title: Fan-in with select

package main

import (
	"fmt"
	"time"
)

// sensor sends n readings: the first after start, then one every 200 ms.
func sensor(name string, start time.Duration, n int) <-chan string {
	out := make(chan string)
	go func() {
		time.Sleep(start)
		for i := 1; i <= n; i++ {
			out <- fmt.Sprintf("%s reading %d", name, i)
			time.Sleep(200 * time.Millisecond)
		}
	}()
	return out
}

func main() {
	// The sensors are 100 ms out of step: north at 100, 300, 500 ms;
	// south at 200, 400, 600 ms.
	north := sensor("north", 100*time.Millisecond, 3)
	south := sensor("south", 200*time.Millisecond, 3)
	for range 6 {
		// main parks on both channels (wait reason: select) and wakes
		// for whichever sensor sends first.
		select {
		case msg := <-north:
			fmt.Println(msg)
		case msg := <-south:
			fmt.Println("        ", msg)
		}
	}
}
