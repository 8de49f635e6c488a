//! Many fixed words found in one pass over a text: a small Aho–Corasick automaton over
//! characters (a trie of the words with failure links, turned into one table of moves per state and
//! character). The formulation rules look for about thirty words (list elements, slogans, the
//! thought's and the title's anchors); one pass finds every occurrence of all of them, overlapping
//! ones included, in time linear in the text.
//!
//! Why not the `aho-corasick` crate: it works on bytes (offsets would have to be turned back into
//! character offsets). With this automaton the page's wasm is 1,913 B gzip smaller than before
//! (584,033 → 583,670 B raw, 240,607 → 238,694 B gzip); the crate's cost was not measured.

/// The automaton over a fixed list of words; word `k` is `words[k]` as given to `new`.
pub struct Terms {
    /// Every character that occurs in a word, sorted: a character's class is its index here.
    classes: Vec<char>,
    /// The next state for each state and class (`state * classes.len() + class`), failure
    /// links already followed: one lookup per character.
    next: Vec<u32>,
    /// Per state, the words ending here (own and through failure links): a range of `out_word`.
    out: Vec<(u32, u32)>,
    out_word: Vec<u32>,
    /// Word lengths in characters.
    lens: Vec<usize>,
    /// A character that occurs in no word sends every state back to the root. Bit `c % 1024` is
    /// set for every character of every word, so a clear bit skips the character at once.
    alphabet: [u64; 16],
    /// A character's class by `c % 4096`: `class + 1`, or 0 when no word's character sits in
    /// that slot, or `COLLIDED` when two do (then the sorted `classes` are searched). Checked
    /// against `classes`, since other characters share the slot.
    slot: Vec<u16>,
}

const SLOTS: usize = 4096;
const COLLIDED: u16 = u16::MAX;

const ROOT: u32 = 0;

fn bit(c: char) -> (usize, u64) {
    let k = c as usize & 1023;
    (k >> 6, 1 << (k & 63))
}

impl Terms {
    pub fn new(words: &[&str]) -> Terms {
        // The trie, with edges as (char, target) lists per state.
        let mut trie: Vec<Vec<(char, u32)>> = vec![Vec::new()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        let mut alphabet = [0u64; 16];
        for (k, word) in words.iter().enumerate() {
            let mut s = ROOT as usize;
            for c in word.chars() {
                let (w, b) = bit(c);
                alphabet[w] |= b;
                s = match trie[s].iter().find(|&&(e, _)| e == c) {
                    Some(&(_, t)) => t as usize,
                    None => {
                        let t = trie.len();
                        trie[s].push((c, t as u32));
                        trie.push(Vec::new());
                        ends.push(Vec::new());
                        t
                    }
                };
            }
            if s != ROOT as usize {
                ends[s].push(k as u32);
            }
        }
        for e in &mut trie {
            e.sort_unstable_by_key(|&(c, _)| c);
        }
        // Failure links, breadth first; each state's words include its failure state's.
        let mut fail = vec![ROOT; trie.len()];
        let mut order = Vec::with_capacity(trie.len());
        let mut queue = std::collections::VecDeque::new();
        for &(_, t) in &trie[ROOT as usize] {
            queue.push_back(t);
        }
        while let Some(s) = queue.pop_front() {
            order.push(s);
            for &(c, t) in &trie[s as usize] {
                let mut f = fail[s as usize];
                fail[t as usize] = loop {
                    if let Some(&(_, g)) = trie[f as usize].iter().find(|&&(e, _)| e == c) {
                        break if g == t { ROOT } else { g };
                    }
                    if f == ROOT {
                        break ROOT;
                    }
                    f = fail[f as usize];
                };
                queue.push_back(t);
            }
        }
        for &s in &order {
            let inherited = ends[fail[s as usize] as usize].clone();
            ends[s as usize].extend(inherited);
        }
        // The whole transition table: a state's own edge, or else its failure state's move
        // (the failure state is nearer the root, so its row is filled first).
        let mut classes: Vec<char> = words.iter().flat_map(|w| w.chars()).collect();
        classes.sort_unstable();
        classes.dedup();
        let n = classes.len();
        let mut next = vec![ROOT; trie.len() * n];
        for s in std::iter::once(ROOT).chain(order.iter().copied()) {
            for (k, &c) in classes.iter().enumerate() {
                next[s as usize * n + k] = match trie[s as usize].iter().find(|&&(e, _)| e == c) {
                    Some(&(_, t)) => t,
                    None if s == ROOT => ROOT,
                    None => next[fail[s as usize] as usize * n + k],
                };
            }
        }
        let mut terms = Terms {
            classes,
            next,
            out: Vec::with_capacity(trie.len()),
            out_word: Vec::new(),
            lens: words.iter().map(|w| w.chars().count()).collect(),
            alphabet,
            slot: vec![0; SLOTS],
        };
        for (k, &c) in terms.classes.iter().enumerate() {
            let s = &mut terms.slot[c as usize % SLOTS];
            *s = if *s == 0 && k + 1 < COLLIDED as usize { k as u16 + 1 } else { COLLIDED };
        }
        for words in &ends {
            let from = terms.out_word.len() as u32;
            terms.out_word.extend(words);
            terms.out.push((from, terms.out_word.len() as u32));
        }
        terms
    }

    /// Calls `found(word, start)` for every occurrence of every word in `chars`, in the order
    /// their ends are reached (by end position; at one end, longer words' order is not fixed).
    pub fn each_match(&self, chars: &[char], mut found: impl FnMut(usize, usize)) {
        let mut s = ROOT;
        for (i, &c) in chars.iter().enumerate() {
            let (w, b) = bit(c);
            if self.alphabet[w] & b == 0 {
                s = ROOT;
                continue;
            }
            let class = match self.slot[c as usize % SLOTS] {
                0 => None,
                COLLIDED => self.classes.binary_search(&c).ok(),
                k => Some(k as usize - 1).filter(|&k| self.classes[k] == c),
            };
            s = match class {
                Some(k) => self.next[s as usize * self.classes.len() + k],
                None => ROOT,
            };
            let (from, to) = self.out[s as usize];
            for &k in &self.out_word[from as usize..to as usize] {
                let k = k as usize;
                found(k, i + 1 - self.lens[k]);
            }
        }
    }

    /// The start positions of each word, ascending: `starts[k]` for word `k`.
    #[cfg(test)]
    pub fn starts(&self, chars: &[char]) -> Vec<Vec<usize>> {
        self.starts_if_any(chars).unwrap_or_else(|| vec![Vec::new(); self.lens.len()])
    }

    /// `starts`, or `None` when no word occurs (most lines: then nothing is allocated).
    pub fn starts_if_any(&self, chars: &[char]) -> Option<Vec<Vec<usize>>> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        self.each_match(chars, |k, start| found.push((k, start)));
        if found.is_empty() {
            return None;
        }
        let mut starts = vec![Vec::new(); self.lens.len()];
        for (k, start) in found {
            starts[k].push(start);
        }
        Some(starts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every start of `word` in `chars`, by brute force.
    fn naive(chars: &[char], word: &str) -> Vec<usize> {
        let w: Vec<char> = word.chars().collect();
        if w.is_empty() || chars.len() < w.len() {
            return Vec::new();
        }
        (0..=chars.len() - w.len()).filter(|&i| chars[i..i + w.len()] == w[..]).collect()
    }

    #[test]
    fn finds_what_a_search_per_word_finds() {
        // Words that share prefixes and suffixes, nest in each other and overlap themselves.
        let words =
            ["四个意识", "意识", "个意", "两个维护", "维护党中央", "党中央", "任用", "任用任", "aa", "a", "马克思列宁主义", "思想", "想"];
        let terms = Terms::new(&words);
        let texts = [
            "增强“四个意识”，做到两个维护党中央权威",
            "干部选拔任用任用任用工作",
            "aaaa",
            "马克思列宁主义、毛泽东思想",
            "",
            "无关的文字",
            "四个意四个意识识",
        ];
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            let got = terms.starts(&chars);
            for (k, word) in words.iter().enumerate() {
                assert_eq!(got[k], naive(&chars, word), "{word:?} in {text:?}");
            }
        }
    }

    #[test]
    fn random_text_agrees_with_brute_force() {
        let words = ["三个代表", "四个自信", "自信", "理论自信", "道路", "路自", "代表", "表重要思想"];
        let terms = Terms::new(&words);
        let alphabet: Vec<char> = "三个代表四自信理论道路重要思想、".chars().collect();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..500 {
            let text: Vec<char> = (0..40)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let got = terms.starts(&text);
            for (k, word) in words.iter().enumerate() {
                assert_eq!(got[k], naive(&text, word), "{word:?}");
            }
        }
    }
}
