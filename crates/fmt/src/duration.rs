//! `time.Duration` text and arithmetic, as Go 1.27 prints and computes them.
