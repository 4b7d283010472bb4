// sync.(*RWMutex).TryLock and TryRLock: neither waits; each fails while the other kind
// of holder (or a writer) has the lock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	fmt.Println("free:", rw.TryLock())
	fmt.Println("again while written:", rw.TryLock(), rw.TryRLock())
	rw.Unlock()
	fmt.Println("readers:", rw.TryRLock(), rw.TryRLock())
	fmt.Println("writer while read:", rw.TryLock())
	rw.RUnlock()
	fmt.Println("writer with one reader left:", rw.TryLock())
	rw.RUnlock()
	fmt.Println("writer after readers left:", rw.TryLock())

	// A goroutine holding the read lock makes TryLock fail until it leaves.
	var rw2 sync.RWMutex
	held := make(chan bool)
	release := make(chan bool)
	done := make(chan bool)
	go func() {
		rw2.RLock()
		held <- true
		<-release
		rw2.RUnlock()
		done <- true
	}()
	<-held
	fmt.Println("while a goroutine reads:", rw2.TryLock(), rw2.TryRLock())
	rw2.RUnlock()
	release <- true
	<-done
	fmt.Println("after it left:", rw2.TryLock())
	rw2.Unlock()
}
