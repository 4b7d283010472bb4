package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

type Result struct {
	ID    int
	Value string
	Err   error
}

type Job func(ctx context.Context) (string, error)

type Pool struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	results []Result
	done    atomic.Int64
	cond    *sync.Cond
}

func NewPool() *Pool {
	p := &Pool{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *Pool) Run(ctx context.Context, jobs []Job) {
	for i, j := range jobs {
		p.wg.Add(1)
		go func(id int, job Job) {
			defer p.wg.Done()
			v, err := job(ctx)
			p.mu.Lock()
			p.results = append(p.results, Result{ID: id, Value: v, Err: err})
			p.mu.Unlock()
			p.done.Add(1)
			p.cond.Broadcast()
		}(i, j)
	}
}

type Level int

const (
	Debug Level = iota
	Info
	Warn
	_
	Fatal
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Greeting string

const Hello Greeting = "hello"

func logf(format string, args ...interface{}) {
	fmt.Printf(format+"\n", args...)
}

func divmod(a, b int) (q, r int, err error) {
	if b == 0 {
		err = errors.New("div by zero")
		return
	}
	return a / b, a % b, nil
}

type Walker interface{ Walk() string }
type Runner interface {
	Walker
	Run() string
}
type Legs struct{ n int }

func (l Legs) Walk() string  { return fmt.Sprint("walk on ", l.n) }
func (l *Legs) Run() string  { return "run" }

type Robot struct {
	*Legs
	Name string
}

func main() {
	runtime.GOMAXPROCS(2)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(50*time.Millisecond))
	defer cancel()
	p := NewPool()
	jobs := []Job{
		func(ctx context.Context) (string, error) { return "a", nil },
		func(ctx context.Context) (string, error) {
			select {
			case <-ctx.Done():
				return "", ctx.Err()
			case <-time.After(time.Millisecond):
				return "b", nil
			}
		},
	}
	p.Run(ctx, jobs)
	p.mu.Lock()
	for p.done.Load() < int64(len(jobs)) {
		p.cond.Wait()
	}
	p.mu.Unlock()
	p.wg.Wait()
	fmt.Println(len(p.results), Info, Fatal, KB, MB/KB, Hello+"!", len(Hello))
	logf("%d-%s", 1, "x")
	q, r, err := divmod(7, 2)
	fmt.Println(q, r, err)
	rb := Robot{Legs: &Legs{2}, Name: "r2"}
	var w Walker = rb
	var run Runner = rb
	fmt.Println(w.Walk(), run.Run(), (*Legs).Run(rb.Legs), Legs.Walk(*rb.Legs))
	rng := rand.New(rand.NewSource(1))
	ticker := time.NewTicker(time.Millisecond)
	count := 0
	for range ticker.C {
		count++
		if count == 2 {
			ticker.Stop()
			break
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 3; i++ {
			select {
			case <-ctx.Done():
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	<-done
	len := 3
	fmt.Println(len, rng.Intn(10) < 10, errors.Join(err, errors.New("e")) != nil)
	var flag atomic.Bool
	flag.Store(true)
	var arr [2]Result
	fmt.Println(arr == [2]Result{}, flag.Load(), fmt.Errorf("wrap: %w", context.Canceled))
}
