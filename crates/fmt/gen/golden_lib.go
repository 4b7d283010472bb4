// Command golden_lib records real Go behaviour of strconv, strings and time.Duration
// for goroscope-fmt's differential tests: `go run gen/golden_lib.go > tests/golden/lib.jsonl`.
// Each line: {"op", "a": hex-encoded string arguments, "i": integer arguments,
// "out": hex-encoded canonical result text}. Lists are hex items joined by ","; a value and an
// error are joined by "|"; floats are written as their IEEE bits. Fixed seed.
package main

import (
	"encoding/hex"
	"encoding/json"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"time"
)

type Case struct {
	Op  string   `json:"op"`
	A   []string `json:"a,omitempty"`
	I   []int64  `json:"i,omitempty"`
	Out string   `json:"out"`
}

var w = json.NewEncoder(os.Stdout)

func emit(op string, a []string, i []int64, out string) {
	var ha []string
	for _, s := range a {
		ha = append(ha, hex.EncodeToString([]byte(s)))
	}
	w.Encode(Case{op, ha, i, hex.EncodeToString([]byte(out))})
}

func list(v []string) string {
	var h []string
	for _, s := range v {
		h = append(h, hex.EncodeToString([]byte(s)))
	}
	return strings.Join(h, ",")
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func main() {
	r := rand.New(rand.NewSource(2))
	// Floats: special values, round numbers, random bit patterns, random decimals.
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 2.5, 1.5, 9.995, 1e21, 1e20, 1e-5, 1e-4,
		123456789, 1.0 / 3, math.Pi, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.NaN(),
		5e-324, 2.2250738585072014e-308, 100, 1e100, 0.000123456, 999999.5, 0.05, 0.15, 0.25, 0.35}
	for n := 0; n < 250; n++ {
		floats = append(floats, math.Float64frombits(r.Uint64()))
		floats = append(floats, float64(r.Intn(2000000)-1000000)/math.Pow(10, float64(r.Intn(12))))
	}
	fmts := []byte("eEfgGbxX")
	for _, f := range floats {
		for _, size := range []int{64, 32} {
			for k := 0; k < 3; k++ {
				c := fmts[r.Intn(len(fmts))]
				prec := r.Intn(22) - 1
				if k == 0 {
					prec = -1
				}
				emit("format_float", []string{string(c)},
					[]int64{int64(math.Float64bits(f)), int64(prec), int64(size)},
					strconv.FormatFloat(f, c, prec, size))
			}
		}
	}
	// ParseFloat on well-formed and malformed inputs.
	floatInputs := []string{"1", "-0", "+1.5", ".5", "1.", ".", "", "e5", "1e", "1e+", "1E-3", "1_000.5",
		"1__0", "_1", "1_", "0x1p-2", "0X1.8P+1", "0x1.8", "0x", "0x_1p0", "inf", "-Inf", "+INFINITY", "infin",
		"nan", "NaN", "+nan", "1e400", "-1e400", "1e-400", "4.9e-324", "2.4e-324", "2.5e-324", "3.4028235e38",
		"3.4028236e38", "1e39", "0.1", "123456789012345678901234567890", "9007199254740993", " 1", "1 ",
		"0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075", "0x3p-1076", "1e-1000000", "1e1000000", "00.5e-1"}
	for n := 0; n < 300; n++ {
		floatInputs = append(floatInputs, strconv.FormatFloat(floats[r.Intn(len(floats))], 'g', r.Intn(25)-1, 64))
	}
	for _, s := range floatInputs {
		for _, size := range []int{64, 32} {
			v, err := strconv.ParseFloat(s, size)
			emit("parse_float", []string{s}, []int64{int64(size)},
				strconv.FormatUint(math.Float64bits(v), 10)+"|"+errText(err))
		}
	}
	// Integers.
	intInputs := []string{"0", "-0", "+7", "-", "+", "", "123", "-42", "12a", "0x1F", "0X1f", "0b101", "0o17",
		"017", "08", "0_1", "1_000", "1__0", "_1", "1_", "0x_1", "0x", "0b", "9223372036854775807",
		"9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
		"18446744073709551616", "99999999999999999999", "zz", "ZZ", "300", "-129", "255", "256", " 1", "1.0"}
	for n := 0; n < 80; n++ {
		intInputs = append(intInputs, strconv.FormatInt(r.Int63()>>uint(r.Intn(63))*int64(1-2*r.Intn(2)), 2+r.Intn(35)))
	}
	for _, s := range intInputs {
		for _, base := range []int{0, 10, 16, 36, 1} {
			for _, bits := range []int{0, 8, 64, 65} {
				v, err := strconv.ParseInt(s, base, bits)
				emit("parse_int", []string{s}, []int64{int64(base), int64(bits)}, strconv.FormatInt(v, 10)+"|"+errText(err))
				u, err := strconv.ParseUint(s, base, bits)
				emit("parse_uint", []string{s}, []int64{int64(base), int64(bits)}, strconv.FormatUint(u, 10)+"|"+errText(err))
			}
		}
		v, err := strconv.Atoi(s)
		emit("atoi", []string{s}, nil, strconv.Itoa(v)+"|"+errText(err))
	}
	for n := 0; n < 200; n++ {
		v := r.Int63() >> uint(r.Intn(63)) * int64(1-2*r.Intn(2))
		base := 2 + r.Intn(35)
		emit("format_int", nil, []int64{v, int64(base)}, strconv.FormatInt(v, base))
	}
	// Strings from an alphabet with spaces, Unicode, case pairs and invalid bytes.
	alphabet := []string{"a", "b", "A", "B", " ", "  ", "\t", "\n", ",", "=", "x", "é", "É", "ß", "ſ", "K", "k",
		"世", "\u3000", "\u00a0", "\u0085", "\xff", "\xe4\xb8", "\"", "\\", "\x00", "\x7f", "\u2028", "🚀", "İ",
		"ı", "Σ", "σ", "ς", "\ufeff", "`", "'", "ǅ", "\u0301", "\U000e0001"}
	rs := func(max int) string {
		var b strings.Builder
		for k := r.Intn(max); k > 0; k-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		return b.String()
	}
	for n := 0; n < 350; n++ {
		s, t := rs(10), rs(3)
		emit("quote", []string{s}, nil, strconv.Quote(s))
		emit("quote_to_ascii", []string{s}, nil, strconv.QuoteToASCII(s))
		u, err := strconv.Unquote(s)
		emit("unquote", []string{s}, nil, u+"|"+errText(err))
		q := strconv.Quote(s)
		u, err = strconv.Unquote(q)
		emit("unquote", []string{q}, nil, u+"|"+errText(err))
		emit("can_backquote", []string{s}, nil, strconv.FormatBool(strconv.CanBackquote(s)))
		rn := int64(r.Intn(0x20000))
		if n%7 == 0 {
			rn = int64(r.Intn(0x110010))
		}
		emit("quote_rune", nil, []int64{rn}, strconv.QuoteRune(rune(rn)))
		emit("fields", []string{s}, nil, list(strings.Fields(s)))
		emit("split", []string{s, t}, nil, list(strings.Split(s, t)))
		k := int64(r.Intn(5) - 1)
		emit("split_n", []string{s, t}, []int64{k}, list(strings.SplitN(s, t, int(k))))
		emit("split_after", []string{s, t}, nil, list(strings.SplitAfter(s, t)))
		emit("replace", []string{s, t, "<>"}, []int64{k}, strings.Replace(s, t, "<>", int(k)))
		emit("to_upper", []string{s}, nil, strings.ToUpper(s))
		emit("to_lower", []string{s}, nil, strings.ToLower(s))
		emit("trim", []string{s, t}, nil, strings.Trim(s, t))
		emit("trim_left", []string{s, t}, nil, strings.TrimLeft(s, t))
		emit("trim_right", []string{s, t}, nil, strings.TrimRight(s, t))
		emit("trim_space", []string{s}, nil, strings.TrimSpace(s))
		emit("index", []string{s, t}, nil, strconv.Itoa(strings.Index(s, t)))
		emit("last_index", []string{s, t}, nil, strconv.Itoa(strings.LastIndex(s, t)))
		emit("index_any", []string{s, t}, nil, strconv.Itoa(strings.IndexAny(s, t)))
		emit("count", []string{s, t}, nil, strconv.Itoa(strings.Count(s, t)))
		emit("equal_fold", []string{s, strings.ToUpper(s)}, nil, strconv.FormatBool(strings.EqualFold(s, strings.ToUpper(s))))
		emit("equal_fold", []string{s, t}, nil, strconv.FormatBool(strings.EqualFold(s, t)))
	}
	// Durations.
	durs := []time.Duration{0, 1, 999, 1000, 1001, 1500, 999999, 1000000, 1500000, time.Second, 90 * time.Minute,
		time.Duration(math.MaxInt64), time.Duration(math.MinInt64), -1, -time.Hour, 3723 * time.Second}
	for n := 0; n < 300; n++ {
		durs = append(durs, time.Duration(r.Int63()>>uint(r.Intn(63))*int64(1-2*r.Intn(2))))
	}
	units := []time.Duration{0, -1, 1, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour, 7 * time.Second}
	for _, d := range durs {
		emit("duration_string", nil, []int64{int64(d)}, d.String())
		emit("duration_float", nil, []int64{int64(d)}, strconv.FormatUint(math.Float64bits(d.Seconds()), 10)+","+
			strconv.FormatUint(math.Float64bits(d.Minutes()), 10)+","+strconv.FormatUint(math.Float64bits(d.Hours()), 10))
		m := units[r.Intn(len(units))]
		emit("duration_round", nil, []int64{int64(d), int64(m)}, strconv.FormatInt(int64(d.Round(m)), 10)+","+strconv.FormatInt(int64(d.Truncate(m)), 10))
	}
}
