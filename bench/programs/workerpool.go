package main

import (
	"fmt"
	"sync"
)

func main() {
	const workers = 8
	const jobs = 200_000
	in := make(chan int, 100)
	out := make(chan int, 100)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- j * 2
			}
		}()
	}
	go func() {
		for j := 0; j < jobs; j++ {
			in <- j
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	total := 0
	for r := range out {
		total += r
	}
	fmt.Println(total)
}
