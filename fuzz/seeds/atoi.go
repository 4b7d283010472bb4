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
	fmt.Println(strconv.Atoi("99999999999999999999999"))
	fmt.Println(strconv.Atoi("-9223372036854775809"))
	fmt.Println(strconv.ParseInt("-8000000000000000", 16, 64))
	fmt.Println(strconv.ParseFloat("1e400", 64))
	fmt.Println(strconv.Quote("\xff\u2028"))
}
