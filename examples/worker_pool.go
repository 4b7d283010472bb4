// want: exit=0
// schedule: any
// teaches: a fixed number of workers share one job channel; each result carries its job's index, so the output does not depend on who did what
// title: Worker pool

package main

import "fmt"

type result struct{ job, value int }

// fib is the work: the n-th Fibonacci number, computed step by step.
func fib(n int) int {
	a, b := 0, 1
	for range n {
		a, b = b, a+b
	}
	return a
}

func main() {
	inputs := []int{10, 40, 25, 90, 5, 60, 33, 70}
	jobs := make(chan int, len(inputs)) // the queue of work: job indexes
	results := make(chan result)
	for range 3 { // three workers, however many jobs there are
		go func() {
			for j := range jobs { // each job is received by exactly one worker
				results <- result{j, fib(inputs[j])}
			}
		}()
	}
	for j := range inputs {
		jobs <- j
	}
	close(jobs) // no more jobs: the workers' range loops end once it is drained
	values := make([]int, len(inputs))
	for range inputs { // one result per job, in whatever order they finish
		r := <-results
		values[r.job] = r.value
	}
	for j, n := range inputs {
		fmt.Printf("fib(%d) = %d\n", n, values[j])
	}
}
