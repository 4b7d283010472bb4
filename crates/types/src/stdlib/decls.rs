//! The standard-library subset as data: one Go-like declaration per line, per package.
//!
//! Grammar (a sliver of Go's): `type Name T`, `const Name [T] = literal`, `var Name T`,
//! `func Name(params) results`, `func (R) Name(...)` / `func (*R) Name(...)`. Params are
//! types only (`...T` for variadic). A field or method name starting with `#` is hidden:
//! no Go program can write it. Stdlib struct types keep their run-time state behind
//! such a hidden field (`#h uintptr` is 0 until the runtime allocates the state), so
//! their zero values are usable.
//!
//! Native keys are derived from these lines: `path.Name` for functions and variables,
//! `path.T.Name` / `path.(*T).Name` for methods (`sync.(*WaitGroup).Add`).

/// Import paths a program may use, in the order messages list them.
pub const AVAILABLE: [&str; 12] = [
    "context",
    "errors",
    "fmt",
    "math",
    "math/rand",
    "os",
    "runtime",
    "strconv",
    "strings",
    "sync",
    "sync/atomic",
    "time",
];

/// Members of the supported packages that Go has but Goroscope leaves out, with the
/// hint to give instead of Go's plain `undefined: pkg.Name`.
pub fn unsupported_member(path: &str, name: &str) -> Option<&'static str> {
    let hint = match (path, name) {
        (
            "math/rand",
            "Int" | "Intn" | "Int31" | "Int31n" | "Int63" | "Int63n" | "Float64" | "Perm"
            | "Shuffle" | "Seed",
        ) => "use a seeded source: rand.New(rand.NewSource(n))",
        ("os", _) => "only os.Exit is available",
        (
            "fmt",
            "Fprint" | "Fprintf" | "Fprintln" | "Scan" | "Scanf" | "Scanln" | "Sscan" | "Sscanf"
            | "Sscanln",
        ) => "programs have no files or input; use Print, Printf or Println",
        ("sync", "Map" | "Pool")
        | ("sync/atomic", "Value" | "Pointer")
        | ("strings", "NewReader" | "NewReplacer") => "",
        _ => return None,
    };
    Some(hint)
}

/// The declarations of package `path`.
pub fn source(path: &str) -> Option<&'static str> {
    Some(match path {
        "fmt" => FMT,
        "strings" => STRINGS,
        "strconv" => STRCONV,
        "errors" => ERRORS,
        "math" => MATH,
        "math/rand" => RAND,
        "time" => TIME,
        "sync" => SYNC,
        "sync/atomic" => ATOMIC,
        "runtime" => RUNTIME,
        "context" => CONTEXT,
        "os" => OS,
        _ => return None,
    })
}

const FMT: &str = "
type Stringer interface { String() string }
func Print(...any) (int, error)
func Println(...any) (int, error)
func Printf(string, ...any) (int, error)
func Sprint(...any) string
func Sprintln(...any) string
func Sprintf(string, ...any) string
func Errorf(string, ...any) error
type wrapError struct { #msg string; #err error }
func (*wrapError) Error() string
func (*wrapError) Unwrap() error
";

const STRINGS: &str = "
type Builder struct { #h uintptr }
func (*Builder) WriteString(string) (int, error)
func (*Builder) WriteByte(byte) error
func (*Builder) WriteRune(rune) (int, error)
func (*Builder) String() string
func (*Builder) Len() int
func (*Builder) Reset()
func (*Builder) Grow(int)
func Contains(string, string) bool
func ContainsAny(string, string) bool
func ContainsRune(string, rune) bool
func Count(string, string) int
func Cut(string, string) (string, string, bool)
func EqualFold(string, string) bool
func Fields(string) []string
func HasPrefix(string, string) bool
func HasSuffix(string, string) bool
func Index(string, string) int
func IndexByte(string, byte) int
func IndexRune(string, rune) int
func Join([]string, string) string
func LastIndex(string, string) int
func Map(func(rune) rune, string) string
func Repeat(string, int) string
func Replace(string, string, string, int) string
func ReplaceAll(string, string, string) string
func Split(string, string) []string
func SplitN(string, string, int) []string
func Title(string) string
func ToLower(string) string
func ToUpper(string) string
func Trim(string, string) string
func TrimFunc(string, func(rune) bool) string
func TrimLeft(string, string) string
func TrimPrefix(string, string) string
func TrimRight(string, string) string
func TrimSpace(string) string
func TrimSuffix(string, string) string
";

const STRCONV: &str = "
type NumError struct { Func string; Num string; Err error }
func (*NumError) Error() string
func (*NumError) Unwrap() error
var ErrRange error
var ErrSyntax error
func Atoi(string) (int, error)
func Itoa(int) string
func ParseBool(string) (bool, error)
func ParseFloat(string, int) (float64, error)
func ParseInt(string, int, int) (int64, error)
func ParseUint(string, int, int) (uint64, error)
func FormatBool(bool) string
func FormatFloat(float64, byte, int, int) string
func FormatInt(int64, int) string
func FormatUint(uint64, int) string
func Quote(string) string
func QuoteRune(rune) string
func Unquote(string) (string, error)
";

const ERRORS: &str = "
func New(string) error
func Is(error, error) bool
func As(error, any) bool
func Unwrap(error) error
func Join(...error) error
type errorString struct { #s string }
func (*errorString) Error() string
type joinError struct { #errs []error }
func (*joinError) Error() string
";

const MATH: &str = "
const E = 2.71828182845904523536028747135266249775724709369995957496696763
const Pi = 3.14159265358979323846264338327950288419716939937510582097494459
const Phi = 1.61803398874989484820458683436563811772030917980576286213544862
const Sqrt2 = 1.41421356237309504880168872420969807856967187537694807317667974
const Ln2 = 0.693147180559945309417232121458176568075500134360255254120680009
const MaxFloat64 = 1.79769313486231570814527423731704356798070e+308
const SmallestNonzeroFloat64 = 4.9406564584124654417656879286822137236505980e-324
const MaxInt = 9223372036854775807
const MinInt = -9223372036854775808
const MaxInt8 = 127
const MinInt8 = -128
const MaxInt16 = 32767
const MinInt16 = -32768
const MaxInt32 = 2147483647
const MinInt32 = -2147483648
const MaxInt64 = 9223372036854775807
const MinInt64 = -9223372036854775808
const MaxUint = 18446744073709551615
const MaxUint8 = 255
const MaxUint16 = 65535
const MaxUint32 = 4294967295
const MaxUint64 = 18446744073709551615
func Abs(float64) float64
func Cbrt(float64) float64
func Ceil(float64) float64
func Cos(float64) float64
func Exp(float64) float64
func Floor(float64) float64
func Hypot(float64, float64) float64
func Inf(int) float64
func IsInf(float64, int) bool
func IsNaN(float64) bool
func Log(float64) float64
func Log10(float64) float64
func Log2(float64) float64
func Max(float64, float64) float64
func Min(float64, float64) float64
func Mod(float64, float64) float64
func NaN() float64
func Pow(float64, float64) float64
func Round(float64) float64
func Signbit(float64) bool
func Sin(float64) float64
func Sqrt(float64) float64
func Tan(float64) float64
func Trunc(float64) float64
";

const RAND: &str = "
type Source interface { Int63() int64; Seed(int64) }
type Rand struct { #h uintptr }
func New(Source) *Rand
func NewSource(int64) Source
func (*Rand) Float64() float64
func (*Rand) Int() int
func (*Rand) Int31n(int32) int32
func (*Rand) Int63() int64
func (*Rand) Int63n(int64) int64
func (*Rand) Intn(int) int
func (*Rand) Perm(int) []int
func (*Rand) Seed(int64)
func (*Rand) Shuffle(int, func(int, int))
type rngSource struct { #h uintptr }
func (*rngSource) Int63() int64
func (*rngSource) Seed(int64)
";

const TIME: &str = "
type Duration int64
const Nanosecond Duration = 1
const Microsecond Duration = 1000
const Millisecond Duration = 1000000
const Second Duration = 1000000000
const Minute Duration = 60000000000
const Hour Duration = 3600000000000
func (Duration) Abs() Duration
func (Duration) Hours() float64
func (Duration) Microseconds() int64
func (Duration) Milliseconds() int64
func (Duration) Minutes() float64
func (Duration) Nanoseconds() int64
func (Duration) Round(Duration) Duration
func (Duration) Seconds() float64
func (Duration) String() string
func (Duration) Truncate(Duration) Duration
type Time struct { #wall int64 }
func Now() Time
func Since(Time) Duration
func Until(Time) Duration
func (Time) Add(Duration) Time
func (Time) After(Time) bool
func (Time) Before(Time) bool
func (Time) Equal(Time) bool
func (Time) IsZero() bool
func (Time) Sub(Time) Duration
func Sleep(Duration)
func After(Duration) <-chan Time
func Tick(Duration) <-chan Time
type Timer struct { C <-chan Time; #h uintptr }
func NewTimer(Duration) *Timer
func AfterFunc(Duration, func()) *Timer
func (*Timer) Reset(Duration) bool
func (*Timer) Stop() bool
type Ticker struct { C <-chan Time; #h uintptr }
func NewTicker(Duration) *Ticker
func (*Ticker) Reset(Duration)
func (*Ticker) Stop()
";

const SYNC: &str = "
type Locker interface { Lock(); Unlock() }
type Mutex struct { #h uintptr }
func (*Mutex) Lock()
func (*Mutex) TryLock() bool
func (*Mutex) Unlock()
type RWMutex struct { #h uintptr }
func (*RWMutex) Lock()
func (*RWMutex) RLock()
func (*RWMutex) RUnlock()
func (*RWMutex) RLocker() Locker
func (*RWMutex) TryLock() bool
func (*RWMutex) TryRLock() bool
func (*RWMutex) Unlock()
type WaitGroup struct { #h uintptr }
func (*WaitGroup) Add(int)
func (*WaitGroup) Done()
func (*WaitGroup) Go(func())
func (*WaitGroup) Wait()
type Once struct { #h uintptr }
func (*Once) Do(func())
type Cond struct { L Locker; #h uintptr }
func NewCond(Locker) *Cond
func (*Cond) Broadcast()
func (*Cond) Signal()
func (*Cond) Wait()
";

const ATOMIC: &str = "
func AddInt32(*int32, int32) int32
func AddInt64(*int64, int64) int64
func AddUint32(*uint32, uint32) uint32
func AddUint64(*uint64, uint64) uint64
func CompareAndSwapInt32(*int32, int32, int32) bool
func CompareAndSwapInt64(*int64, int64, int64) bool
func CompareAndSwapUint32(*uint32, uint32, uint32) bool
func CompareAndSwapUint64(*uint64, uint64, uint64) bool
func LoadInt32(*int32) int32
func LoadInt64(*int64) int64
func LoadUint32(*uint32) uint32
func LoadUint64(*uint64) uint64
func StoreInt32(*int32, int32)
func StoreInt64(*int64, int64)
func StoreUint32(*uint32, uint32)
func StoreUint64(*uint64, uint64)
func SwapInt32(*int32, int32) int32
func SwapInt64(*int64, int64) int64
func SwapUint32(*uint32, uint32) uint32
func SwapUint64(*uint64, uint64) uint64
type Bool struct { #v bool }
func (*Bool) CompareAndSwap(bool, bool) bool
func (*Bool) Load() bool
func (*Bool) Store(bool)
func (*Bool) Swap(bool) bool
type Int32 struct { #v int32 }
func (*Int32) Add(int32) int32
func (*Int32) CompareAndSwap(int32, int32) bool
func (*Int32) Load() int32
func (*Int32) Store(int32)
func (*Int32) Swap(int32) int32
type Int64 struct { #v int64 }
func (*Int64) Add(int64) int64
func (*Int64) CompareAndSwap(int64, int64) bool
func (*Int64) Load() int64
func (*Int64) Store(int64)
func (*Int64) Swap(int64) int64
type Uint32 struct { #v uint32 }
func (*Uint32) Add(uint32) uint32
func (*Uint32) CompareAndSwap(uint32, uint32) bool
func (*Uint32) Load() uint32
func (*Uint32) Store(uint32)
func (*Uint32) Swap(uint32) uint32
type Uint64 struct { #v uint64 }
func (*Uint64) Add(uint64) uint64
func (*Uint64) CompareAndSwap(uint64, uint64) bool
func (*Uint64) Load() uint64
func (*Uint64) Store(uint64)
func (*Uint64) Swap(uint64) uint64
";

const RUNTIME: &str = "
func GOMAXPROCS(int) int
func Gosched()
func Goexit()
func NumCPU() int
func NumGoroutine() int
";

const CONTEXT: &str = "
type Context interface { Deadline() (time.Time, bool); Done() <-chan struct{}; Err() error; Value(any) any }
type CancelFunc func()
var Canceled error
var DeadlineExceeded error
func Background() Context
func TODO() Context
func WithCancel(Context) (Context, CancelFunc)
func WithDeadline(Context, time.Time) (Context, CancelFunc)
func WithTimeout(Context, time.Duration) (Context, CancelFunc)
func WithValue(Context, any, any) Context
type cancelCtx struct { #h uintptr }
func (*cancelCtx) Deadline() (time.Time, bool)
func (*cancelCtx) Done() <-chan struct{}
func (*cancelCtx) Err() error
func (*cancelCtx) Value(any) any
";

const OS: &str = "
func Exit(int)
";
