// want: exit=0
// schedule: any
// teaches: a WaitGroup counts running goroutines: Add before starting each, Done when it ends, Wait until the count is zero
// title: Waiting for goroutines with WaitGroup

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	files := []string{"notes.txt", "photo.jpg", "song.mp3", "movie.mkv"}
	sizes := []int{3, 40, 12, 90}
	done := make([]string, len(files))

	var wg sync.WaitGroup
	for i, name := range files {
		wg.Add(1) // count the goroutine before it starts, never inside it
		go func() {
			defer wg.Done() // runs however the goroutine ends
			// Pretend to download: bigger files take longer.
			time.Sleep(time.Duration(sizes[i]) * time.Millisecond)
			done[i] = fmt.Sprintf("%s (%d MB)", name, sizes[i]) // own slot: no lock needed
		}()
	}
	fmt.Println("started", len(files), "downloads")
	wg.Wait() // main parks (sync.WaitGroup.Wait) until every Done has run
	// Wait also makes every write to done visible here.
	for _, d := range done {
		fmt.Println("downloaded", d)
	}
}
