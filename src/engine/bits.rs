//! Dense bitmaps over record positions: bit `r % 64` of word `r / 64` stands for record `r`.
//! Bits past the last record are always zero, so a popcount is a record count.

/// Words needed for `n` records.
pub(crate) fn words(n: usize) -> usize {
    n.div_ceil(64)
}

/// The bits of word `w` that stand for records, for `n` records (`w < words(n)`).
#[inline]
pub(crate) fn valid_word(n: usize, w: usize) -> u64 {
    let left = n - w * 64;
    if left >= 64 {
        !0
    } else {
        (1u64 << left) - 1
    }
}

/// Every record.
pub(crate) fn ones(n: usize) -> Vec<u64> {
    (0..words(n)).map(|w| valid_word(n, w)).collect()
}

#[inline]
pub(crate) fn set(bits: &mut [u64], r: usize) {
    bits[r >> 6] |= 1 << (r & 63);
}

#[inline]
pub(crate) fn toggle(bits: &mut [u64], r: usize) {
    bits[r >> 6] ^= 1 << (r & 63);
}

#[inline]
pub(crate) fn get(bits: &[u64], r: usize) -> bool {
    bits[r >> 6] >> (r & 63) & 1 == 1
}

/// Calls `f` with the record of each set bit of `word`, whose bit 0 is record `base`.
#[inline]
pub(crate) fn for_each_bit(mut word: u64, base: usize, mut f: impl FnMut(usize)) {
    while word != 0 {
        f(base + word.trailing_zeros() as usize);
        word &= word - 1;
    }
}

/// Records whose bit is set in `a & b`.
#[inline]
pub(crate) fn count_and(a: &[u64], b: &[u64]) -> usize {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x & y).count_ones() as usize)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_bits_stay_clear() {
        assert_eq!(words(0), 0);
        assert_eq!(words(64), 1);
        assert_eq!(words(65), 2);
        let b = ones(70);
        assert_eq!(b, vec![!0, 0b11_1111]);
        let mut seen = vec![];
        for_each_bit(b[1], 64, |r| seen.push(r));
        assert_eq!(seen, (64..70).collect::<Vec<_>>());
        let mut c = vec![0; 2];
        set(&mut c, 3);
        toggle(&mut c, 65);
        assert!(get(&c, 3) && get(&c, 65) && !get(&c, 64));
        assert_eq!(count_and(&b, &c), 2);
    }
}
