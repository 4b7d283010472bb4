package main

import "fmt"

var _ = fmt.Sprint

type E struct{}

func (e *E) Error() string { return "" }

func f() error { return E{} }

func main() { f() }
