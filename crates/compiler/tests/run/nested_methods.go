package main

import (
	"fmt"
	"time"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Reading struct {
	Where string
	T     Temp
	Took  time.Duration
}

func main() {
	rs := []Reading{{"in", 21.5, time.Second}, {"out", -3, 1500 * time.Millisecond}}
	fmt.Println(rs)
	fmt.Printf("%v %+v\n", rs[0], rs[1])
	m := map[string]Temp{"a": 1}
	fmt.Println(m)
}
