//! The search index: which records hold a folded search term.
//!
//! A record's search text (`search_haystack`, already folded) is split at whitespace into tokens.
//! A search term holds no whitespace, so it occurs in the text exactly when it occurs inside one
//! of its tokens: the index keeps each distinct token once and, per token, the records holding it.
//! A term is looked up by scanning the distinct tokens and uniting the records of those that
//! contain it. Tokens are grouped by a 64-bit "which bytes occur" signature, so one AND per group
//! rules out most of them (a million distinct numbers fall into a thousand groups).
//!
//! Records per token are a sorted list of positions, or a bitmap for tokens held by more than
//! one record in 32, whichever is smaller. While building, each record's token ids are kept as
//! variable-length integers (about a byte each), not as vectors, to keep the peak memory low.

use super::bits;

#[derive(Clone)]
pub(crate) struct TextIndex {
    records: usize,
    /// Distinct tokens, concatenated: token `t` is `text[starts[t]..starts[t + 1]]`.
    text: Vec<u8>,
    starts: Vec<u32>,
    /// Token ids in order of their signature (see `signature`), and each distinct signature with
    /// its first position in `by_sig`, so a term's scan skips whole groups of tokens.
    by_sig: Vec<u32>,
    groups: Vec<(u64, u32)>,
    /// Records of token `t`: `post[post_starts[t]..post_starts[t + 1]]`, empty for a token kept as
    /// a bitmap (every token is held by at least one record).
    post_starts: Vec<u32>,
    post: Vec<u32>,
    /// Tokens kept as bitmaps, sorted, and their bitmaps (`dense_tokens.len()` × words).
    dense_tokens: Vec<u32>,
    dense_maps: Vec<u64>,
}

/// Which bytes occur in `s`, hashed to 64 bits: letters and digits have a bit each. A term can
/// only occur in a token whose signature holds every bit of the term's.
fn signature(s: &[u8]) -> u64 {
    s.iter().fold(0u64, |sig, &b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0'),
            _ => 36 + b % 28,
        };
        sig | 1 << bit
    })
}

/// Whether `hay` contains `needle` (non-empty). Tokens are short: a plain scan beats setting up
/// a two-way searcher for each.
#[inline]
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    if needle.len() > hay.len() {
        return false;
    }
    let first = needle[0];
    let rest = &needle[1..];
    let last = hay.len() - needle.len();
    let mut i = 0;
    while i <= last {
        if hay[i] == first && &hay[i + 1..i + needle.len()] == rest {
            return true;
        }
        i += 1;
    }
    false
}

impl TextIndex {
    fn token(&self, t: usize) -> &[u8] {
        &self.text[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    pub(crate) fn token_count(&self) -> usize {
        self.starts.len() - 1
    }

    /// Tokens containing `term`, among `candidates` when given (the tokens of a shorter term
    /// that `term` contains: as a person types, each letter only narrows the last list).
    pub(crate) fn tokens_containing(&self, term: &str, candidates: Option<&[u32]>) -> Vec<u32> {
        let term = term.as_bytes();
        if term.is_empty() {
            return (0..self.token_count() as u32).collect();
        }
        let sig = signature(term);
        match candidates {
            Some(c) => c
                .iter()
                .copied()
                .filter(|t| contains(self.token(*t as usize), term))
                .collect(),
            None => {
                let mut out = Vec::new();
                for (g, &(group_sig, first)) in self.groups.iter().enumerate() {
                    if group_sig & sig == sig {
                        let end = self
                            .groups
                            .get(g + 1)
                            .map_or(self.by_sig.len(), |n| n.1 as usize);
                        let group = &self.by_sig[first as usize..end];
                        out.extend(
                            group
                                .iter()
                                .copied()
                                .filter(|t| contains(self.token(*t as usize), term)),
                        );
                    }
                }
                out
            }
        }
    }

    /// The records holding any of `tokens`, as a bitmap.
    pub(crate) fn records_with(&self, tokens: &[u32]) -> Vec<u64> {
        let words = bits::words(self.records);
        let mut out = vec![0u64; words];
        for &t in tokens {
            let (a, b) = (
                self.post_starts[t as usize] as usize,
                self.post_starts[t as usize + 1] as usize,
            );
            if a < b {
                for &r in &self.post[a..b] {
                    bits::set(&mut out, r as usize);
                }
            } else if let Ok(d) = self.dense_tokens.binary_search(&t) {
                for (o, m) in out
                    .iter_mut()
                    .zip(&self.dense_maps[d * words..(d + 1) * words])
                {
                    *o |= m;
                }
            }
        }
        out
    }

    /// Bytes held on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + 4 * self.starts.capacity()
            + 4 * self.by_sig.capacity()
            + 16 * self.groups.capacity()
            + 4 * self.post_starts.capacity()
            + 4 * self.post.capacity()
            + 4 * self.dense_tokens.capacity()
            + 8 * self.dense_maps.capacity()
    }
}

/// Builds a `TextIndex` one record at a time.
pub(crate) struct TextIndexBuilder {
    records: usize,
    text: Vec<u8>,
    starts: Vec<u32>,
    /// Open-addressing table of token ids + 1 (0: empty slot); its length is a power of two.
    table: Vec<u32>,
    /// Records holding each token.
    df: Vec<u32>,
    /// The last record that held each token, to count a token once per record.
    last: Vec<u32>,
    /// Per record: the number of its distinct tokens, then their ids, as LEB128 integers, in
    /// fixed-size chunks (a growing vector would copy itself, doubling the peak memory).
    stream: Stream,
    scratch: Vec<u32>,
}

fn hash(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^ (h >> 29)
}

const CHUNK: usize = 1 << 20;

/// A byte stream written and read once, in chunks of `CHUNK` bytes.
#[derive(Default)]
struct Stream {
    chunks: Vec<Vec<u8>>,
}

impl Stream {
    fn push(&mut self, b: u8) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < CHUNK => c.push(b),
            _ => {
                let mut c = Vec::with_capacity(CHUNK);
                c.push(b);
                self.chunks.push(c);
            }
        }
    }

    fn put_varint(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.push(v as u8);
    }

    /// Reads the stream from the start, freeing chunks once read.
    fn reader(self) -> StreamReader {
        let mut chunks = self.chunks;
        chunks.reverse();
        StreamReader {
            chunks,
            current: Vec::new(),
            at: 0,
        }
    }
}

struct StreamReader {
    /// Unread chunks, last first.
    chunks: Vec<Vec<u8>>,
    current: Vec<u8>,
    at: usize,
}

impl StreamReader {
    fn byte(&mut self) -> u8 {
        if self.at == self.current.len() {
            self.current = self.chunks.pop().expect("stream ended early");
            self.at = 0;
        }
        self.at += 1;
        self.current[self.at - 1]
    }

    fn varint(&mut self) -> u32 {
        let mut v = 0u32;
        let mut shift = 0;
        loop {
            let b = self.byte();
            v |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                return v;
            }
            shift += 7;
        }
    }
}

impl TextIndexBuilder {
    pub(crate) fn new() -> TextIndexBuilder {
        TextIndexBuilder {
            records: 0,
            text: Vec::new(),
            starts: vec![0],
            table: vec![0; 1024],
            df: Vec::new(),
            last: Vec::new(),
            stream: Stream::default(),
            scratch: Vec::new(),
        }
    }

    fn token(&self, t: usize) -> &[u8] {
        &self.text[self.starts[t] as usize..self.starts[t + 1] as usize]
    }

    fn intern(&mut self, tok: &[u8]) -> u32 {
        let mask = self.table.len() - 1;
        let mut slot = hash(tok) as usize & mask;
        loop {
            match self.table[slot] {
                0 => break,
                id if self.token(id as usize - 1) == tok => return id - 1,
                _ => slot = (slot + 1) & mask,
            }
        }
        let id = self.df.len() as u32;
        self.text.extend_from_slice(tok);
        self.starts
            .push(u32::try_from(self.text.len()).expect("distinct search tokens under 4 GB"));
        self.df.push(0);
        self.last.push(u32::MAX);
        self.table[slot] = id + 1;
        if self.df.len() * 4 > self.table.len() * 3 {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        let mut table = vec![0u32; self.table.len() * 2];
        let mask = table.len() - 1;
        for id in 0..self.df.len() {
            let mut slot = hash(self.token(id)) as usize & mask;
            while table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = id as u32 + 1;
        }
        self.table = table;
    }

    /// Adds the next record, given its folded search text.
    pub(crate) fn push(&mut self, folded: &str) {
        let record = self.records as u32;
        let mut ids = std::mem::take(&mut self.scratch);
        ids.clear();
        for tok in folded.split_whitespace() {
            let id = self.intern(tok.as_bytes());
            if self.last[id as usize] != record {
                self.last[id as usize] = record;
                self.df[id as usize] += 1;
                ids.push(id);
            }
        }
        self.stream.put_varint(ids.len() as u32);
        for id in &ids {
            self.stream.put_varint(*id);
        }
        self.scratch = ids;
        self.records += 1;
    }

    pub(crate) fn finish(self) -> TextIndex {
        let TextIndexBuilder {
            records,
            mut text,
            mut starts,
            table,
            df,
            last,
            stream,
            ..
        } = self;
        drop(table);
        drop(last);
        text.shrink_to_fit();
        starts.shrink_to_fit();
        let words = bits::words(records);
        let tokens = df.len();
        let token = |t: usize| &text[starts[t] as usize..starts[t + 1] as usize];

        // Token ids in signature order, and where each signature starts.
        let sigs: Vec<u64> = (0..tokens).map(|t| signature(token(t))).collect();
        let mut by_sig: Vec<u32> = (0..tokens as u32).collect();
        by_sig.sort_unstable_by_key(|t| (sigs[*t as usize], *t));
        let mut groups: Vec<(u64, u32)> = Vec::new();
        for (i, t) in by_sig.iter().enumerate() {
            let sig = sigs[*t as usize];
            if groups.last().is_none_or(|g| g.0 != sig) {
                groups.push((sig, i as u32));
            }
        }
        drop(sigs);
        groups.shrink_to_fit();

        // A bitmap costs words × 8 bytes, a list 4 bytes per record. `df` becomes the fill
        // cursor of list tokens, or the bitmap number of dense ones.
        let mut df = df;
        let mut post_starts = Vec::with_capacity(tokens + 1);
        let mut dense_tokens = Vec::new();
        let mut total = 0u32;
        post_starts.push(0);
        for (t, d) in df.iter_mut().enumerate() {
            if *d as usize * 4 > words * 8 {
                *d = dense_tokens.len() as u32;
                dense_tokens.push(t as u32);
            } else {
                let start = total;
                total = total.checked_add(*d).expect("under 2^32 token occurrences");
                *d = start;
            }
            post_starts.push(total);
        }
        let mut post = vec![0u32; total as usize];
        let mut dense_maps = vec![0u64; dense_tokens.len() * words];
        let mut reader = stream.reader();
        for r in 0..records {
            let k = reader.varint();
            for _ in 0..k {
                let t = reader.varint() as usize;
                if post_starts[t] == post_starts[t + 1] {
                    let d = df[t] as usize;
                    bits::set(&mut dense_maps[d * words..(d + 1) * words], r);
                } else {
                    post[df[t] as usize] = r as u32;
                    df[t] += 1;
                }
            }
        }
        TextIndex {
            records,
            text,
            starts,
            by_sig,
            groups,
            post_starts,
            post,
            dense_tokens,
            dense_maps,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> TextIndex {
        let mut b = TextIndexBuilder::new();
        for t in texts {
            b.push(t);
        }
        b.finish()
    }

    fn records(ix: &TextIndex, term: &str) -> Vec<usize> {
        let bitmap = ix.records_with(&ix.tokens_containing(term, None));
        (0..ix.records).filter(|r| bits::get(&bitmap, *r)).collect()
    }

    #[test]
    fn finds_terms_inside_tokens() {
        let ix = index(&[
            "medellin antioquia",
            "sao paulo \u{1f} policia",
            "",
            "policia medellin policia",
        ]);
        assert_eq!(records(&ix, "dell"), vec![0, 3]);
        assert_eq!(records(&ix, "polic"), vec![1, 3]);
        assert_eq!(records(&ix, "\u{1f}"), vec![1]);
        assert_eq!(records(&ix, "xyz"), Vec::<usize>::new());
        assert_eq!(records(&ix, "a"), vec![0, 1, 3]);
        let narrowed = ix.tokens_containing("pa", None);
        assert_eq!(
            ix.tokens_containing("pau", Some(&narrowed)),
            ix.tokens_containing("pau", None)
        );
    }

    #[test]
    fn many_records_use_bitmaps_and_lists() {
        let texts: Vec<String> = (0..3000)
            .map(|i| format!("common w{} rare{}", i % 7, i))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let ix = index(&refs);
        assert!(!ix.dense_tokens.is_empty());
        assert_eq!(records(&ix, "common").len(), 3000);
        assert_eq!(
            records(&ix, "w3").len(),
            (0..3000).filter(|i| i % 7 == 3).count()
        );
        assert_eq!(records(&ix, "rare2999"), vec![2999]);
        assert_eq!(records(&ix, "rare299").len(), 11);
    }
}
