// Several init functions run in source order, after every package variable is
// initialised (including ones declared below them) and before main.
package main

import "fmt"

var log []string

func note(s string) int {
	log = append(log, s)
	return len(log)
}

func init() {
	note("init 0 sees b=" + fmt.Sprint(b))
}

var a = note("var a")

type T struct{}

// A method named init is an ordinary method.
func (T) init() string { return "method init" }

func init() {
	note("init 1")
	defer note("init 1 deferred")
	ch := make(chan int)
	go func() { ch <- 42 }()
	note(fmt.Sprint("init 1 received ", <-ch))
}

var b = note("var b")

func main() {
	note("main")
	for _, s := range log {
		fmt.Println(s)
	}
	fmt.Println(a, b, T{}.init())
}
