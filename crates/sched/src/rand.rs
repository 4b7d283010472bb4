//! The machine's only source of randomness: a seeded xorshift64* generator, and Go's
//! `randomOrder` enumeration (a random start and a step coprime with the count) used by
//! work stealing.

/// A seeded pseudo-random generator (xorshift64*, state never zero).
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        // splitmix64 scrambles small seeds into a well-mixed, non-zero state.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng {
            state: if z == 0 { 0x2545_F491_4F6C_DD1D } else { z },
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when n is 0), like Go's cheaprandn.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Go's randomOrder: visits positions `0..count` in a random order by starting at a
/// random position and moving by a random step coprime with `count`, so every position
/// is visited exactly once. The coprimes are computed once per `count`.
#[derive(Clone, Debug, Default)]
pub struct RandomOrder {
    count: usize,
    coprimes: Vec<usize>,
}

impl RandomOrder {
    pub fn new(count: usize) -> Self {
        RandomOrder {
            count,
            coprimes: (1..=count).filter(|&i| gcd(i, count) == 1).collect(),
        }
    }

    /// One enumeration, drawn from `rng`. The iterator borrows nothing.
    pub fn start(&self, rng: &mut Rng) -> impl Iterator<Item = usize> + use<> {
        let count = self.count;
        let start = rng.below(count.max(1));
        let step = self
            .coprimes
            .get(rng.below(self.coprimes.len()))
            .copied()
            .unwrap_or(1);
        (0..count).map(move |i| (start + i * step) % count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let xs: Vec<u64> = (0..10).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..10).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(
            xs,
            (0..10).map(|_| Rng::new(8).next_u64()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn random_order_visits_every_position_once() {
        let mut rng = Rng::new(3);
        for count in 1..=9 {
            for _ in 0..20 {
                let mut seen: Vec<usize> = RandomOrder::new(count).start(&mut rng).collect();
                seen.sort();
                assert_eq!(seen, (0..count).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = Rng::new(0);
        assert!((0..1000).all(|_| rng.below(5) < 5));
        assert_eq!(rng.below(0), 0);
    }
}
