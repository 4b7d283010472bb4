package main

import (
	"fmt"
	"net/http" // ERROR "package net/http is not supported by Goroscope (available: context, errors, fmt, math, math/rand, os, runtime, strconv, strings, sync, sync/atomic, time)"
)

type List[T any] struct { // ERROR "generic types are not supported by Goroscope"
	items []T
}

func main() {
	c := complex(1, 2) // ERROR "complex numbers are not supported by Goroscope"
	fmt.Println(c, 2i) // ERROR "complex numbers are not supported by Goroscope"
	_ = http.Get
}
