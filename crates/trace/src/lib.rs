//! The versioned event schema shared by runtime, worker, web and cli, and the replay of
//! events into a snapshot of the machine's state.
