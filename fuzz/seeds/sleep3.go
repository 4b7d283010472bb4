package main

import "time"

func main() {
	for i := 0; i < 4; i++ {
		time.Sleep(1<<63 - 1)
	}
	t := time.NewTicker(1<<62)
	for i := 0; i < 4; i++ {
		<-t.C
	}
}
