// want: exit=2
// schedule: any
// teaches: when every goroutine is blocked and no timer can wake one, the runtime stops the program with a deadlock error
// title: A deadlock

package main

import "fmt"

func main() {
	request := make(chan string)
	reply := make(chan string)

	// The server answers one request.
	go func() {
		q := <-request // parks: chan receive, waiting for a request
		reply <- "answer to " + q
	}()

	// The bug: main waits for the reply before sending its request.
	// main waits on reply, the server waits on request: nobody can move.
	fmt.Println("main: waiting for the reply...")
	fmt.Println(<-reply)
	request <- "question" // never reached
}
