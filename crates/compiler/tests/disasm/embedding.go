package main

import "fmt"

type Animal struct{ Name string }

func (a Animal) Hello() string { return "hi " + a.Name }

func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Age int
}

func main() {
	d := Dog{Animal{"rex"}, 3}
	d.Rename("max")
	var s fmt.Stringer
	_ = s
	var h interface{ Hello() string } = &d
	fmt.Println(h.Hello(), d.Age)
}
