package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, mu *sync.Mutex, out map[int]int) {
	defer wg.Done()
	mu.Lock()
	defer mu.Unlock()
	out[id] = id * id
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	out := map[int]int{}
	for i := range 3 {
		wg.Add(1)
		go worker(i, &wg, &mu, out)
	}
	wg.Wait()
	defer close(make(chan int))
	fmt.Println(out)
}
