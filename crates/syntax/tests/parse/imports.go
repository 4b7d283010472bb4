package main

import "fmt"

import (
	"math/rand"
	str "strings"
	_ "sync"
	. "time"
)

func main() {
	fmt.Println(rand.Int(), str.ToUpper("x"), Second)
}
