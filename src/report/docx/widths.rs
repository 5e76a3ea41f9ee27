//! Column widths of a Word table from its text, so that Word and LibreOffice need not guess:
//! a column gets what its longest line asks for while the table fits the page, and never
//! less than its longest word while the words fit at all.
//!
//! Widths are estimated from a table of character advances close to Arial (the document's
//! font), in twentieths of a point (twips), the unit Word measures tables in.

/// The advance of a character in thousandths of an em, close to Arial's: narrow letters and
/// punctuation, wide capitals, `m`, `w` and `%`. Letters with diacritics are as wide as their
/// base letter; other characters are given an average width.
fn advance(c: char) -> u32 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'í' | 'ì' | 'ï' => 222,
        ' ' | 'f' | 't' | 'I' | '(' | ')' | '[' | ']' | '/' | '\\' | '-' | '‹' | '›' => 278,
        'r' | '"' | '*' => 333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' | 'ç' | 'š' | 'ž' => 500,
        'm' => 833,
        'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' | 'Ä' | 'Å' | 'Ü' | 'Ç' | '–' => 722,
        'M' => 833,
        'W' | '%' | '—' => 944,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' | 'É' | '§' => 667,
        'F' | 'T' | 'Z' => 611,
        'G' | 'O' | 'Q' | 'Ö' | 'Ø' => 778,
        'L' => 556,
        c if c.is_ascii_digit() => 556,
        c if c.is_ascii_lowercase() => 556,
        'å' | 'ä' | 'ö' | 'é' | 'è' | 'ü' | 'ø' | 'æ' | 'á' | 'à' | 'ó' | 'ú' | 'ñ' => {
            556
        }
        c if c.is_uppercase() => 722,
        _ => 600,
    }
}

/// The width of `text` on one line, in twips, at `half_points` (Word's font size unit), bold
/// text a little wider.
pub fn text_width(text: &str, bold: bool, half_points: u32) -> u32 {
    let ems: u64 = text.chars().map(|c| u64::from(advance(c))).sum();
    // twips = ems/1000 × points × 20, and points = half_points / 2.
    let twips = ems * u64::from(half_points) / 100;
    let twips = if bold { twips * 108 / 100 } else { twips };
    u32::try_from(twips).unwrap_or(u32::MAX)
}

/// The width of the longest word of `text`, in twips (see [`text_width`]).
pub fn longest_word(text: &str, bold: bool, half_points: u32) -> u32 {
    text.split_whitespace()
        .map(|w| text_width(w, bold, half_points))
        .max()
        .unwrap_or(0)
}

/// Column widths that fill at most `available`: each column's `natural` width (its longest
/// line) when they all fit; otherwise each gets its `least` (its longest word) and what is
/// left is shared in proportion to how much more each column would take; when even the
/// longest words do not fit, the least widths shrink in proportion. Both slices are as long
/// as the table is wide; a natural width below its least counts as the least.
pub fn fit(least: &[u32], natural: &[u32], available: u32) -> Vec<u32> {
    let least: Vec<u64> = least.iter().map(|&w| u64::from(w.max(1))).collect();
    let natural: Vec<u64> = natural
        .iter()
        .zip(&least)
        .map(|(&n, &l)| u64::from(n).max(l))
        .collect();
    let available = u64::from(available);
    let natural_sum: u64 = natural.iter().sum();
    if natural_sum <= available {
        return natural.iter().map(|&w| narrow(w)).collect();
    }
    let least_sum: u64 = least.iter().sum();
    let widths: Vec<u64> = if least_sum >= available {
        least.iter().map(|&l| l * available / least_sum).collect()
    } else {
        let extra = available - least_sum;
        let wants: Vec<u64> = natural.iter().zip(&least).map(|(n, l)| n - l).collect();
        let wants_sum: u64 = wants.iter().sum::<u64>().max(1);
        least
            .iter()
            .zip(&wants)
            .map(|(l, w)| l + extra * w / wants_sum)
            .collect()
    };
    // Rounding down leaves a few twips; the widest column takes them, so the table is exactly
    // as wide as the page allows.
    let mut widths = widths;
    let short = available - widths.iter().sum::<u64>().min(available);
    if let Some(widest) = (0..widths.len()).max_by_key(|&i| (widths[i], std::cmp::Reverse(i))) {
        widths[widest] += short;
    }
    widths.into_iter().map(narrow).collect()
}

fn narrow(w: u64) -> u32 {
    u32::try_from(w).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_tables_keep_their_natural_widths() {
        assert_eq!(fit(&[500, 300], &[1500, 800], 9000), [1500, 800]);
        assert_eq!(
            fit(&[500, 300], &[200, 800], 9000),
            [500, 800],
            "never below the longest word"
        );
    }

    #[test]
    fn wide_tables_share_the_page_beyond_their_longest_words() {
        // Column 0 wants 4000 more, column 1 wants 1000 more; 2500 are left to share.
        let w = fit(&[1000, 500], &[5000, 1500], 4000);
        assert_eq!(w.iter().sum::<u32>(), 4000);
        assert_eq!(w, [3000, 1000]);
        assert!(w[0] >= 1000 && w[1] >= 500);
    }

    #[test]
    fn words_that_cannot_fit_shrink_together() {
        let w = fit(&[3000, 1000], &[3000, 1000], 2000);
        assert_eq!(w, [1500, 500]);
    }

    #[test]
    fn wide_letters_are_wider_than_narrow_ones() {
        assert!(text_width("WWW", false, 20) > text_width("iii", false, 20) * 3);
        assert!(text_width("Nej", true, 20) > text_width("Nej", false, 20));
        // Arial's "Beslutsreferens" at 10 pt is close to 1 500 twips.
        let w = text_width("Beslutsreferens", false, 20);
        assert!((1300..1700).contains(&w), "{w}");
        assert_eq!(
            longest_word("Dagar försenad", true, 20),
            text_width("försenad", true, 20)
        );
    }
}
