// want: exit=0
// schedule: any
// teaches: the sender closes a channel to say "no more values"; range receives until it is closed and drained, then a receive returns zero, false
// title: Closing and ranging over a channel

package main

import "fmt"

// countdown sends from, from-1, ..., 1 and then closes the channel.
// Only the sender closes: a send on a closed channel would panic.
func countdown(from int, out chan<- int) {
	for i := from; i > 0; i-- {
		out <- i
	}
	close(out)
}

func main() {
	ch := make(chan int, 2) // a small buffer: values can wait in it
	go countdown(5, ch)

	// range keeps receiving until the channel is closed AND empty:
	// values still in the buffer when close happens are delivered.
	for n := range ch {
		fmt.Println(n, "...")
	}
	fmt.Println("liftoff!")

	// A closed channel never blocks: it yields the zero value and ok=false.
	v, ok := <-ch
	fmt.Println("after close:", v, ok)
}
