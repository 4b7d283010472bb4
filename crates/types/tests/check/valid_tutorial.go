package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Circle struct{ R float64 }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(%.1f)", c.R) }


type MyErr struct{ Code int }

func (e MyErr) Error() string { return "code " + strconv.Itoa(e.Code) }

type State int

const (
	Idle State = iota + 1
	Running
	Done
)

var names = map[State]string{Idle: "idle", Running: "running", Done: "done"}

func (s State) String() string { return names[s] }

type Matrix [3][3]int

func (m *Matrix) Set(i, j, v int) { m[i][j] = v }

func worker(id int, jobs <-chan int, results chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- fmt.Sprintf("worker %d did %d", id, j)
	}
}

func parse(s string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	n, err = strconv.Atoi(s)
	if err != nil {
		var ne *strconv.NumError
		if errors.As(err, &ne) {
			return 0, ne.Err
		}
	}
	return
}

func apply[T, U any](xs []T, f func(T) U) (out []U) {
	for _, x := range xs {
		out = append(out, f(x))
	}
	return
}

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	var shapes []Shape
	shapes = append(shapes, Circle{1}, Circle{R: 2})
	for i, s := range shapes {
		fmt.Println(i, s.Area() > 1, s)
	}
	var counter int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	jobs := make(chan int, 10)
	results := make(chan string, 10)
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 0; j < 5; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	for r := range results {
		_ = r
		atomic.AddInt64(&counter, 1)
	}
	mu.Lock()
	fmt.Println(atomic.LoadInt64(&counter))
	mu.Unlock()
	timeout := time.After(50 * time.Millisecond)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
loop:
	for {
		select {
		case <-tick.C:
		case <-timeout:
			break loop
		}
	}
	n, err := parse("12x")
	fmt.Println(n, err, MyErr{3}, Running, Done.String())
	var e error = MyErr{Code: 1}
	if me, ok := e.(MyErr); ok {
		fmt.Println(me.Code)
	}
	switch v := e.(type) {
	case MyErr:
		fmt.Println("myerr", v.Code)
	case nil:
		fmt.Println("nil")
	}
	words := strings.Fields(" a b  c ")
	lens := apply(words, func(s string) int { return len(s) })
	fmt.Println(lens, Max(1, 2), Max(2.5, 1))
	var m Matrix
	m.Set(1, 1, 5)
	fmt.Println(m[1][1], len(m), cap(m[0]))
	x := 10
	p := &x
	*p += 5
	pp := &p
	**pp = 7
	fmt.Println(x, float64(x)/3, int(math.Sqrt(16)), uint8(x)<<2, x>>1&1)
	b := []byte("hello")
	b[0] ^= 0x20
	fmt.Println(string(b), strings.ToUpper(string(b[1:])), len("héllo"))
	type kv struct {
		k string
		v int
	}
	list := []kv{{"a", 1}, {"b", 2}}
	for i := range list {
		list[i].v *= 2
	}
	fmt.Printf("%+v %T\n", list, list)
	func() {
		defer fmt.Println("deferred")
	}()
	ch := make(chan struct{})
	go func() { ch <- struct{}{} }()
	<-ch
	var once sync.Once
	once.Do(func() {})
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	if counter > 1000 {
		os.Exit(2)
	}
	d := time.Duration(1500) * time.Millisecond
	fmt.Println(d.Seconds(), d.String(), time.Since(time.Now()) < time.Second)
	var f func(int) int
	f = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * f(n-1)
	}
	fmt.Println(f(5), math.MaxInt64, -math.MaxFloat64 < 0)
	arr := [5]int{1, 2, 3}
	sl := arr[:]
	sl2 := sl[1:3:4]
	fmt.Println(len(sl2), cap(sl2), arr[len(arr)-1])
	var iface interface{ Area() float64 } = Circle{3}
	_, isShape := iface.(Shape)
	fmt.Println(isShape)
	const big = 1 << 62
	var u uint64 = big * 2
	fmt.Println(u, big/(1<<60))
	var r rune = 'x'
	fmt.Println(string(r), r-'a', 'a' < r)
	total := 0
	for i := range 10 {
		if i%2 == 0 {
			continue
		}
		total += i
	}
	fmt.Println(total, min(3, total), max(1.5, 2))
}
