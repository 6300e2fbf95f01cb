//! What the benches share: a small fixed pseudo-random sequence (xorshift), so every run builds
//! the same invented data.

/// Draws indices from a fixed sequence seeded by its `u64`.
pub struct Draw(pub u64);

impl Draw {
    pub fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len())]
    }
}
