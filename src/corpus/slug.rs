//! Stable ids made from titles and names.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases `text`, strips diacritics and joins its words with hyphens.
///
/// `Potential Escalation in Iraq (Part 1): Khamenei and Badr` becomes
/// `potential-escalation-in-iraq-part-1-khamenei-and-badr`; apostrophes vanish so
/// `Kata'ib` gives `kataib`.
#[must_use]
pub fn slugify(text: &str) -> String {
    // ASCII has nothing to decompose: most titles skip the normalizer.
    if text.is_ascii() {
        slug_of(text.chars(), text.len())
    } else {
        let letters = text
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c));
        slug_of(letters, text.len())
    }
}

/// Lower-case letters and digits, runs of anything else as one hyphen, apostrophes dropped.
fn slug_of(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut gap = false;
    for c in chars {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’' | '‘' | 'ʿ' | 'ʾ') {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_the_seed_title_like_its_file_name() {
        assert_eq!(
            slugify("Potential Escalation in Iraq (Part 1): Khamenei and Badr"),
            "potential-escalation-in-iraq-part-1-khamenei-and-badr"
        );
    }

    #[test]
    fn drops_apostrophes_and_diacritics() {
        assert_eq!(slugify("Kata’ib Ḥizballah"), "kataib-hizballah");
        assert_eq!(slugify("  --  "), "");
    }
}
