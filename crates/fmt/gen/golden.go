// Command golden records real Go behaviour for goroscope-fmt's differential tests:
// `go run gen/golden.go > tests/golden/fmt.jsonl`. Each line is one JSON object with an
// "op" and its inputs and output; byte strings are hex encoded, floats are IEEE bits.
// Random cases come from a fixed seed, so the file is reproducible.
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"
)

type Point struct{ X, Y int }

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c%3] }

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type MyErr struct{ Code int }

func (e MyErr) Error() string { return "code " + strconv.Itoa(e.Code) }

type Name string

type Bytes []byte

type Hidden struct {
	c Color
	D Color
	s []Color
}

type Nested struct {
	Name string
	In   struct {
		A []int
		M map[string]bool
	}
	P   *int
	E   error
	Any any
}

type Embed struct {
	Point
	Label string
}

type Val struct {
	Ty    string   `json:"ty"`
	K     string   `json:"k"`
	V     string   `json:"v,omitempty"`
	Size  int      `json:"size,omitempty"`
	E     []Val    `json:"e,omitempty"`
	N     []string `json:"n,omitempty"`
	Nil   bool     `json:"nil,omitempty"`
	Arr   bool     `json:"arr,omitempty"`
	Bytes bool     `json:"bytes,omitempty"`
	M     *string  `json:"m,omitempty"`
	MK    string   `json:"mk,omitempty"`
}

func enc(v reflect.Value, top bool) Val {
	if !v.IsValid() {
		return Val{Ty: "<nil>", K: "nil"}
	}
	out := Val{Ty: v.Type().String()}
	if v.CanInterface() && !(v.Kind() == reflect.Interface) {
		switch x := v.Interface().(type) {
		case error:
			s := x.Error()
			out.M, out.MK = &s, "error"
		case fmt.Stringer:
			s := x.String()
			out.M, out.MK = &s, "string"
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		out.K, out.V = "bool", strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		out.K, out.V = "int", strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		out.K, out.V = "uint", strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		out.K, out.V = "float", strconv.FormatUint(math.Float64bits(v.Float()), 10)
		out.Size = v.Type().Bits()
	case reflect.String:
		out.K, out.V = "string", hex.EncodeToString([]byte(v.String()))
	case reflect.Slice, reflect.Array:
		out.K = "list"
		out.Arr = v.Kind() == reflect.Array
		out.Bytes = v.Type().Elem().Kind() == reflect.Uint8
		out.Nil = v.Kind() == reflect.Slice && v.IsNil()
		for i := 0; i < v.Len(); i++ {
			out.E = append(out.E, enc(v.Index(i), false))
		}
	case reflect.Map:
		out.K = "map"
		out.Nil = v.IsNil()
		it := v.MapRange()
		for it.Next() {
			out.E = append(out.E, enc(it.Key(), false), enc(it.Value(), false))
		}
	case reflect.Struct:
		out.K = "struct"
		for i := 0; i < v.NumField(); i++ {
			out.N = append(out.N, v.Type().Field(i).Name)
			out.E = append(out.E, enc(v.Field(i), false))
		}
	case reflect.Interface:
		if v.IsNil() {
			return Val{Ty: v.Type().String(), K: "nil"}
		}
		return enc(v.Elem(), false)
	case reflect.Pointer:
		out.K = "ptr"
		if v.IsNil() {
			out.V = "0"
		} else {
			out.V = "1"
			if top {
				out.E = []Val{enc(v.Elem(), false)}
			}
		}
	default:
		panic("unsupported kind " + v.Kind().String())
	}
	return out
}

type Case struct {
	Op   string `json:"op"`
	F    string `json:"f,omitempty"`
	Args []Val  `json:"args,omitempty"`
	Out  string `json:"out"`
}

func pool() []any {
	var nilInts []int
	var nilMap map[string]int
	var nilErr error
	seven := 7
	_ = seven
	return []any{
		0, 42, -7, int8(-128), int16(300), int32(-70000), int64(math.MinInt64), uint(7), uint8(255),
		uint16(65535), uint32(1 << 31), uint64(math.MaxUint64), uintptr(4096), 'x', 'ü', '世', rune(0x1F680),
		rune(-1), rune(0x110000), byte('A'),
		0.0, math.Copysign(0, -1), 1.0, -2.5, 3.14159, 1e21, 1e20, 1e-7, 123456789.0, 0.000123, 100.0,
		math.NaN(), math.Inf(1), math.Inf(-1), 2.5, 0.5, 1.0 / 3, float32(0.1), float32(16777216.0),
		float32(-1.5e-10), math.MaxFloat64, 5e-324, 9.995, 1234.5678,
		"", "go", "héllo", "\xff\xfe", "tab\t\"q\"\n", "日本語", "`raw`", "a\x00b", "\u2028", "  spaced  ",
		true, false,
		[]byte("hi"), []byte{}, []byte(nil), [3]uint8{1, 2, 255}, []int{1, -2, 3}, []string{"a", "b c"},
		nilInts, []float64{0.5, 1e6}, [2]bool{true, false},
		map[string]int{"b": 2, "a": 1, "c": 3}, map[int]string{3: "c", -1: "z", 2: "b"}, nilMap,
		map[bool]int{true: 1, false: 0}, map[float64]string{math.NaN(): "nan", 1: "one", -1: "neg"},
		map[Color]int{2: 2, 0: 0}, map[Point]string{{2, 1}: "b", {1, 2}: "a"},
		Point{1, -2}, &Point{3, 4}, Embed{Point{5, 6}, "e"}, &[]int{1}, &map[string]int{"k": 1},
		Color(1), Color(2), []Color{0, 1}, Celsius(21.5), MyErr{404}, &MyErr{500}, Name("named"),
		Hidden{1, 2, []Color{0}}, Nested{}, Nested{Name: "n", E: MyErr{1}, Any: 3},
		[]any{1, "a", nil, 2.5, Color(0)}, nil, nilErr,
		time.Duration(1500) * time.Millisecond, 90 * time.Minute, time.Duration(0),
		struct{}{}, struct{ a, B int }{1, 2}, [0]int{},
		Bytes("named"), Bytes(nil), [4]byte{'a', 0, 0xff, 'z'}, &[2]int{1, 2}, map[string][]int{"x": {1}, "a": nil},
		map[string]map[int]bool{"o": {2: true, 1: false}}, []*Point{nil}, struct{ P *Point }{nil},
		[]error{nil, MyErr{7}}, struct {
			F float32
			G []float32
		}{0.1, []float32{1e-7, 3}}, []any{[]byte("in"), uint8(9)},
		[]Name{"x", "y"}, map[Name]Celsius{"b": 1, "a": -2.25}, [2][]string{{"p"}, nil}, uintptr(0xdeadbeef),
	}
}

func main() {
	w := json.NewEncoder(os.Stdout)
	r := rand.New(rand.NewSource(1))
	vals := pool()
	verbs := "vvvvdsqxXobcUeEfFgGtTqxvdsO%wz!"
	flags := "+-# 0"
	emit := func(op, f string, args []any, out string) {
		c := Case{Op: op, F: hex.EncodeToString([]byte(f)), Out: hex.EncodeToString([]byte(out))}
		for _, a := range args {
			c.Args = append(c.Args, enc(reflect.ValueOf(a), true))
		}
		w.Encode(c)
	}
	// Every pool value under every verb with a few flag/width/precision combinations.
	specs := []string{"%v", "%+v", "%#v", "%T", "%d", "%s", "%q", "%x", "%X", "% x", "%#x", "%o", "%O", "%b",
		"%c", "%U", "%#U", "%e", "%E", "%f", "%F", "%g", "%G", "%t", "%8v", "%-8v|", "%08v", "%.2v", "%+.3e",
		"%#g", "%#.3x", "%6.2f", "%-10s|", "%.1s", "%+q", "%#q", "%x", "% d", "%+d", "%010.4f", "%w", "%z"}
	for _, v := range vals {
		for _, s := range specs {
			emit("sprintf", s, []any{v}, fmt.Sprintf(s, v))
		}
	}
	// Random formats over random operands.
	for n := 0; n < 2000; n++ {
		var f strings.Builder
		var args []any
		for k := r.Intn(4); k >= 0; k-- {
			if r.Intn(3) == 0 {
				f.WriteString([]string{"a", " ", "é", "|", "%%"}[r.Intn(5)])
			}
			f.WriteByte('%')
			for i := r.Intn(3); i > 0; i-- {
				f.WriteByte(flags[r.Intn(len(flags))])
			}
			if r.Intn(8) == 0 {
				f.WriteString(fmt.Sprintf("[%d]", r.Intn(4)))
			}
			switch r.Intn(5) {
			case 0:
				f.WriteString(strconv.Itoa(r.Intn(12)))
			case 1:
				f.WriteByte('*')
				args = append(args, r.Intn(16)-4)
			}
			switch r.Intn(5) {
			case 0:
				f.WriteString("." + strconv.Itoa(r.Intn(8)))
			case 1:
				f.WriteString(".*")
				args = append(args, r.Intn(10)-2)
			case 2:
				f.WriteString(".")
			}
			if r.Intn(40) == 0 {
				break // dangling verb: %!(NOVERB)
			}
			f.WriteByte(verbs[r.Intn(len(verbs))])
			if r.Intn(10) != 0 {
				args = append(args, vals[r.Intn(len(vals))])
			}
		}
		if r.Intn(6) == 0 {
			args = append(args, vals[r.Intn(len(vals))])
		}
		emit("sprintf", f.String(), args, fmt.Sprintf(f.String(), args...))
	}
	// Print and Println spacing.
	for n := 0; n < 200; n++ {
		var args []any
		for k := r.Intn(5); k >= 0; k-- {
			args = append(args, vals[r.Intn(len(vals))])
		}
		emit("sprint", "", args, fmt.Sprint(args...))
		emit("sprintln", "", args, fmt.Sprintln(args...))
	}
}
