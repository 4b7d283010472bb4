package main

import (
	"fmt"
	"sync"
	"time"
)

type Job struct {
	ID  int
	Out chan<- string
}

type Pool struct {
	sync.Mutex
	done map[int]bool
}

func (p *Pool) mark(id int) {
	p.Lock()
	defer p.Unlock()
	p.done[id] = true
}

func main() {
	results := make(chan string)
	jobs := make(chan Job, 4)
	pool := &Pool{done: map[int]bool{}}
	var wg sync.WaitGroup
	for w := 1; w <= 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				pool.mark(j.ID)
				j.Out <- fmt.Sprintf("job %d", j.ID)
			}
		}()
	}
	go func() {
		for i := range 4 {
			jobs <- Job{i, results}
		}
		close(jobs)
	}()
	got := map[string]bool{}
	for range 4 {
		got[<-results] = true
	}
	wg.Wait()
	fmt.Println(len(got), got["job 3"], len(pool.done))

	var last string
	var ok bool
	ch := make(chan string, 1)
	ch <- "v"
	timeout := time.After(50 * time.Millisecond)
loop:
	for {
		select {
		case last, ok = <-ch:
			if !ok {
				break loop
			}
			close(ch)
		case <-timeout:
			fmt.Println("timeout")
			break loop
		}
	}
	fmt.Println(last == "", ok)

	var once sync.Once
	count := 0
	for range 3 {
		once.Do(func() { count++ })
	}
	done := make(chan struct{})
	var mu sync.Mutex
	n := 0
	for i := range 10 {
		go func() {
			mu.Lock()
			n += i
			mu.Unlock()
			done <- struct{}{}
		}()
	}
	for range 10 {
		<-done
	}
	fmt.Println(count, n)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	var nilMap map[string]int
	nilMap["x"] = 1
}
