// Command unicode_tables dumps the Unicode facts that goroscope-fmt takes from Go
// (run with a Go 1.27 toolchain: `go run gen/unicode_tables.go`):
//
//   - print.txt: inclusive hex ranges "lo hi" of runes where unicode.IsPrint is true,
//     which become PRINT_RANGES in src/unicode_tables.rs;
//   - case.txt: "rune upper lower" for every rune that unicode.ToUpper or ToLower moves.
//     CASE_EXCEPTIONS keeps only the rows where Rust's char::to_uppercase/to_lowercase,
//     taken when they yield exactly one char (the rune itself otherwise), disagree;
//     src/unicode.rs's tests hold a sample of the rest against Rust.
package main

import (
	"fmt"
	"os"
	"unicode"
)

func main() {
	f, _ := os.Create("print.txt")
	start := rune(-1)
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		p := r <= unicode.MaxRune && unicode.IsPrint(r)
		if p && start < 0 {
			start = r
		}
		if !p && start >= 0 {
			fmt.Fprintf(f, "%x %x\n", start, r-1)
			start = -1
		}
	}
	f.Close()
	g, _ := os.Create("case.txt")
	for r := rune(0); r <= unicode.MaxRune; r++ {
		u, l := unicode.ToUpper(r), unicode.ToLower(r)
		if u != r || l != r {
			fmt.Fprintf(g, "%x %x %x\n", r, u, l)
		}
	}
	g.Close()
}
