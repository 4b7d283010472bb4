package main

import (
	"fmt"
	"math/rand"
	"net/http" // ERROR "package net/http is not supported by Goroscope (available: context, errors, fmt, math, math/rand, os, runtime, strconv, strings, sync, sync/atomic, time)"
	"os"
	"sync"
)

type List[T any] struct { // ERROR "generic types are not supported by Goroscope"
	items []T
}

func main() {
	c := complex(1, 2) // ERROR "complex numbers are not supported by Goroscope"
	fmt.Println(c, 2i) // ERROR "complex numbers are not supported by Goroscope"
	_ = http.Get
}

func more() {
	_ = rand.Intn(3)    // ERROR "rand.Intn is not supported by Goroscope (use a seeded source: rand.New(rand.NewSource(n)))"
	_ = os.Args         // ERROR "os.Args is not supported by Goroscope (only os.Exit is available)"
	fmt.Fprintln(nil)   // ERROR "fmt.Fprintln is not supported by Goroscope"
	var m sync.Map      // ERROR "sync.Map is not supported by Goroscope"
	_ = m
}

var huge [1 << 30]int // ERROR "array length 1 << 30 is too large for Goroscope (at most 16777216)"
