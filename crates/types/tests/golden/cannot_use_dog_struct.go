package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

var _ = fmt.Sprint
var _ = strings.Repeat
var _ sync.Mutex
var _ = time.Second

type Animal interface{ Sound() string }
type Dog struct{}

func (d *Dog) Sound() string { return "woof" }

func main() {
	animals := []Animal{Dog{}}
	_ = animals
}
