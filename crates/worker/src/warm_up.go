package main

import (
	"fmt"
	"sync"
	"time"
)

type tally struct {
	mu    sync.Mutex
	total map[string]int
}

func (t *tally) add(who string, n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.total[who] += n
}

func main() {
	jobs := make(chan int, 4)
	results := make(chan string)
	t := &tally{total: map[string]int{}}
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				t.add(fmt.Sprint("w", id), j)
				results <- fmt.Sprintf("worker %d did job %d", id, j)
			}
		}(w)
	}
	go func() {
		for i := 0; i < 8; i++ {
			jobs <- i * i
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	timeout := time.After(time.Second)
	for {
		select {
		case r, ok := <-results:
			if !ok {
				fmt.Println(len(t.total), "workers;", time.Duration(42)*time.Millisecond)
				return
			}
			fmt.Println(r)
		case <-timeout:
			fmt.Println("timed out")
			return
		}
	}
}
