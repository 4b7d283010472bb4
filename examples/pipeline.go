// want: exit=0
// schedule: any
// teaches: a pipeline is a chain of goroutines joined by channels; each stage closes its output when its input runs dry
// title: Pipeline

package main

import "fmt"

// readings is the source stage: it emits temperatures, then closes.
func readings(celsius ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, c := range celsius {
			out <- c
		}
		close(out)
	}()
	return out
}

// toFahrenheit is a middle stage: receive, transform, send on.
func toFahrenheit(in <-chan int) <-chan float64 {
	out := make(chan float64)
	go func() {
		for c := range in { // ends when the previous stage closes
			out <- float64(c)*9/5 + 32
		}
		close(out) // tell the next stage there is no more
	}()
	return out
}

func main() {
	// Three goroutines run at once: the source, the converter and main.
	// Each stage handles one value at a time, so the order is preserved.
	for f := range toFahrenheit(readings(-40, 0, 21, 37, 100)) {
		fmt.Printf("%.1f F\n", f)
	}
	fmt.Println("pipeline drained")
}
