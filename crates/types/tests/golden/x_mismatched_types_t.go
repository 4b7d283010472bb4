package main

import "fmt"

var _ = fmt.Sprint

func g[T int | string](x T) T { return x + 1 }

func main() { g(1) }
