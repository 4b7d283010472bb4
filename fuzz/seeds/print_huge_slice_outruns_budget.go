// fixed fuzz finding (machine target, timeout > 10 s in the fuzz build; fmt now charges
// each element it formats to the instruction budget): printing a
// 1<<20-element slice is one call but formats megabytes before max_output (64 KiB in
// the fuzz config) cuts the output; like copy_outruns_budget.go, the instruction
// budget does not bound the work (fmt should stop formatting at the output limit).
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

var _ = strings.Repeat
var _ = fmt.Sprint
var _ = time.Sleep
var _ = runtime.Gosched
var _ = strconv.Itoa
var _ sync.Mutex

func main() {
	s := make([]int, 1<<20)
	fmt.Println(s)
}
