//! Source positions: byte-offset spans and the line table that turns an offset into
//! Go's `LINE:COL` (1-based, columns counted in bytes, as cmd/compile counts them).

/// A half-open byte range `start..end` into the source text of one file.
///
/// Invariant: `start <= end <= src.len()`, and both offsets lie on UTF-8 boundaries
/// of the source the span was produced from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// An empty span at `offset`, used for positions such as "end of file".
    pub fn at(offset: u32) -> Span {
        Span { start: offset, end: offset }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The source text this span covers (empty if the span does not fit `src`).
    pub fn text(self, src: &str) -> &str {
        src.get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

/// Maps byte offsets to 1-based `(line, column)` pairs.
///
/// Invariant: `line_starts[0] == 0` and `line_starts` is strictly increasing; entry `i`
/// is the offset of the first byte of line `i + 1`.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex { line_starts }
    }

    /// 1-based line and byte column of `offset`. Offsets past the end count as being on
    /// the last line.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        (line as u32, offset - start + 1)
    }

    /// Number of lines (a source with no newline has one line).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_bytes_from_one() {
        let idx = LineIndex::new("ab\n\tcé\nx");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (1, 3));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(4), (2, 2));
        // 'é' is two bytes, so 'x' on the next line starts after them.
        assert_eq!(idx.line_col(8), (3, 1));
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn span_join_and_text() {
        let a = Span::new(2, 4);
        let b = Span::new(6, 9);
        assert_eq!(a.to(b), Span::new(2, 9));
        assert_eq!(Span::new(0, 5).text("hello world"), "hello");
        assert_eq!(Span::new(20, 25).text("short"), "");
    }
}
