//! The Web Worker entry: runs the machine in slices and streams its answers to the page.
