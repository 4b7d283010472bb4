// want: exit=0
// schedule: any
// teaches: an unbuffered send waits for a receiver; a buffered send waits only when the buffer is full
// title: Unbuffered vs buffered channels

package main

import (
	"fmt"
	"time"
)

func main() {
	// Unbuffered: no room at all, so a send is a hand-off to a receiver.
	handoff := make(chan string)
	done := make(chan bool)
	go func() {
		time.Sleep(100 * time.Millisecond) // the receiver arrives late...
		fmt.Println("receiver got", <-handoff)
		done <- true
	}()
	handoff <- "hello" // ...so main waits here (chan send) until it does
	<-done
	fmt.Println("main: the unbuffered send finished only when the value was taken")

	// Buffered: sends succeed with nobody receiving, until the buffer is full.
	box := make(chan int, 3)
	for i := range 3 {
		box <- i
		fmt.Printf("sent %d with no receiver: len=%d cap=%d\n", i, len(box), cap(box))
	}
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("receiver makes room")
		<-box // takes 0; the waiting sender's 3 moves into the freed slot
	}()
	box <- 3 // the buffer is full: main waits (chan send) for room
	fmt.Println("main: sent 3 once there was room, len =", len(box))
	for range 3 {
		fmt.Println("left in the buffer:", <-box)
	}
}
