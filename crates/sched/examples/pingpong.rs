//! Throughput of the model alone: two goroutines ping-pong N values over unbuffered
//! channels under 4 Ps, with recording on or off. `cargo run --release --example
//! pingpong -p goroscope-sched -- 1000000 [record]`.

use std::collections::BTreeMap;
use std::time::Instant;

use goroscope_sched::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: i64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let record = args.next().is_some_and(|a| a == "record");
    let mut m = Machine::<i64>::new(Config {
        gomaxprocs: 4,
        record,
        ..Config::default()
    });
    let start = Instant::now();
    // Per goroutine: how many values it has handled. G1 pings on c0, G2 pongs on c1.
    let mut done: BTreeMap<GoId, i64> = BTreeMap::new();
    let (mut c0, mut c1) = (None, None);
    let mut slices = 0u64;
    while let Next::Run { cur, .. } = m.next_slice() {
        slices += 1;
        if c0.is_none() {
            c0 = Some(m.make_chan(cur, 0, 0, ChanInfo::default()));
            c1 = Some(m.make_chan(cur, 0, 0, ChanInfo::default()));
            m.newproc(cur, None, None);
        }
        let k = done.entry(cur.g).or_default();
        let finished = loop {
            if *k >= 2 * n {
                break true;
            }
            let over = m.charge(cur.p, 20);
            let parked = match (cur.g == GoId::MAIN, *k % 2) {
                (true, 0) | (false, 1) => {
                    m.chan_send(cur, if cur.g == GoId::MAIN { c0 } else { c1 }, *k)
                        == SendResult::Parked
                }
                _ => matches!(
                    m.chan_recv(cur, if cur.g == GoId::MAIN { c1 } else { c0 }),
                    RecvResult::Parked
                ),
            };
            *k += 1;
            if parked || over {
                break false;
            }
        };
        if finished {
            if cur.g == GoId::MAIN {
                break;
            }
            m.goexit(cur);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} round trips, {slices} slices, {} events, {:.0} ns/round trip, virtual {} ms",
        m.events().len(),
        secs * 1e9 / n as f64,
        m.max_clock() / 1_000_000
    );
}
