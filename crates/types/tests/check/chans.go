package main

func produce(out chan<- int) {
	out <- 1
	<-out // ERROR "invalid operation: cannot receive from send-only channel chan<- int out (variable of type chan<- int)"
}

func consume(in <-chan int) {
	in <- 0  // ERROR "invalid operation: cannot send to receive-only channel <-chan int in (variable of type <-chan int)"
	close(in) // ERROR "cannot close receive-only channel"
	for range in {
	}
}

func main() {
	ch := make(chan int, 1)
	go produce(ch)
	consume(ch)
	var s string
	s <- 1 // ERROR "invalid operation: cannot send to non-channel string s (variable of type string)"
	v, ok := <-ch
	_, _ = v, ok
	ch <- "x" // ERROR "cannot use \"x\" (untyped string constant) as int value in send"
}
