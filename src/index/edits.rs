//! Edit distances between words: how far a typed word is from a name or a word of the corpus.

/// The Levenshtein distance between `a` and `b`, counted in characters.
#[must_use]
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = usize::from(ca != cb);
            row[j + 1] = (diagonal + cost).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The Levenshtein distance between `a` and `b` when it is at most `limit`, else `None`.
///
/// Callers compare one query with many words or name windows per keystroke, so this one reuses
/// the caller's `row` and stops as soon as a whole row exceeds `limit`.
#[must_use]
pub fn levenshtein_within(
    a: &[char],
    b: &[char],
    limit: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    row.clear();
    row.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        let mut lowest = row[0];
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
            lowest = lowest.min(row[j + 1]);
        }
        if lowest > limit {
            return None;
        }
    }
    row.last().copied().filter(|&d| d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_levenshtein_agrees_within_the_limit() {
        let mut row = Vec::new();
        for (a, b) in [
            ("kitten", "sitting"),
            ("muhandid", "muhandis"),
            ("", "ab"),
            ("ab", "ab"),
        ] {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let full = levenshtein(a, b);
            for limit in 0..5 {
                let want = (full <= limit).then_some(full);
                assert_eq!(
                    levenshtein_within(&ca, &cb, limit, &mut row),
                    want,
                    "{a} {b} {limit}"
                );
            }
        }
    }

    #[test]
    fn levenshtein_counts_characters() {
        assert_eq!(levenshtein("", ""), 0);
        assert_eq!(levenshtein("abc", ""), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("العامري", "عامري"), 2);
    }
}
