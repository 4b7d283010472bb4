package main

import "fmt"

type T struct{ n int }

func (t *T) Run() func() int {
	return func() int {
		inc := func() { t.n++ }
		inc()
		return t.n
	}
}

func (t T) Get() int { return t.n }

var hook = func() string { return "hook" }

func main() {
	t := &T{}
	fmt.Println(t.Run()(), T.Get(*t), hook())
	ch := make(chan int)
	go close(ch)
	<-ch
}
