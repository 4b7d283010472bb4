//! Go's pure `strings` functions on byte strings.
