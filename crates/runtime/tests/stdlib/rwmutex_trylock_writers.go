// sync.(*RWMutex).TryLock and TryRLock with writers waiting: a writer waiting for
// readers to leave makes TryRLock fail (readers may not overtake it), and so does a
// writer holding the lock; a writer waiting behind another writer makes both fail.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	done := make(chan bool)
	go func() {
		rw.Lock()
		fmt.Println("writer: got the lock")
		rw.Unlock()
		done <- true
	}()
	time.Sleep(time.Millisecond) // the writer now waits for the reader
	fmt.Println("writer pending: TryRLock", rw.TryRLock(), "TryLock", rw.TryLock())
	rw.RUnlock()
	<-done
	fmt.Println("writer gone: TryRLock", rw.TryRLock())
	rw.RUnlock()

	// Two writers: one holds, one waits on the writer mutex.
	rw.Lock()
	go func() {
		rw.Lock()
		fmt.Println("second writer: got the lock")
		rw.Unlock()
		done <- true
	}()
	time.Sleep(time.Millisecond)
	fmt.Println("writer held, one queued: TryRLock", rw.TryRLock(), "TryLock", rw.TryLock())
	rw.Unlock()
	<-done
	fmt.Println("all gone: TryLock", rw.TryLock())
	fmt.Println("held by TryLock: TryRLock", rw.TryRLock())
	rw.Unlock()
	fmt.Println("free again: TryRLock", rw.TryRLock(), rw.TryRLock())
	rw.RUnlock()
	rw.RUnlock()
}
