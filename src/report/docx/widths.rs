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
/// line) when they all fit. Otherwise the narrow columns (those whose text fits in an equal
/// share of what is left) keep their natural width, so that dates, numbers and short names
/// are never wrapped, and the wide columns share the rest in proportion to their natural
/// width, none below its `least` (its longest word). When that cannot be, each column gets
/// its least and the rest is shared in proportion to how much more each would take; when
/// even the longest words do not fit, the least widths shrink in proportion. Both slices
/// are as long as the table is wide; a natural width below its least counts as the least.
pub fn fit(least: &[u32], natural: &[u32], available: u32) -> Vec<u32> {
    let least: Vec<u64> = least.iter().map(|&w| u64::from(w.max(1))).collect();
    let natural: Vec<u64> = natural
        .iter()
        .zip(&least)
        .map(|(&n, &l)| u64::from(n).max(l))
        .collect();
    let available = u64::from(available);
    if natural.iter().sum::<u64>() <= available {
        return natural.iter().map(|&w| narrow(w)).collect();
    }
    let least_sum: u64 = least.iter().sum();
    let mut widths = if least_sum >= available {
        squeezed(&least, &natural, available)
    } else {
        shared(&least, &natural, available).unwrap_or_else(|| {
            let extra = available - least_sum;
            let wants: Vec<u64> = natural.iter().zip(&least).map(|(n, l)| n - l).collect();
            let wants_sum: u64 = wants.iter().sum::<u64>().max(1);
            least
                .iter()
                .zip(&wants)
                .map(|(l, w)| l + extra * w / wants_sum)
                .collect()
        })
    };
    // Rounding down leaves a few twips; the widest column takes them, so the table is exactly
    // as wide as the page allows.
    let short = available - widths.iter().sum::<u64>().min(available);
    if let Some(widest) = (0..widths.len()).max_by_key(|&i| (widths[i], std::cmp::Reverse(i))) {
        widths[widest] += short;
    }
    widths.into_iter().map(narrow).collect()
}

/// When the longest words do not fit: every column gets at least half its longest word (a
/// long compound hyphenated once), or a third when halves are too much; as many columns as
/// can, shortest words first, keep their longest word whole; and what is left goes to the
/// columns in proportion to how much more text they have. When even thirds are too much,
/// the columns whose longest word fits in an equal share keep it, and the others share the
/// rest in proportion to theirs.
fn squeezed(least: &[u64], natural: &[u64], available: u64) -> Vec<u64> {
    if let Some(widths) = at_least_part(least, natural, available, 2)
        .or_else(|| at_least_part(least, natural, available, 3))
    {
        return widths;
    }
    let n = least.len();
    let mut whole = vec![false; n];
    loop {
        let taken: u64 = (0..n).filter(|&i| whole[i]).map(|i| least[i]).sum();
        let open = (0..n).filter(|&i| !whole[i]).count() as u64;
        let rest = available.saturating_sub(taken);
        let fits: Vec<usize> = (0..n)
            .filter(|&i| !whole[i] && least[i] * open <= rest)
            .collect();
        if fits.is_empty() || fits.len() as u64 == open {
            break;
        }
        for i in fits {
            whole[i] = true;
        }
    }
    let taken: u64 = (0..n).filter(|&i| whole[i]).map(|i| least[i]).sum();
    let rest = available.saturating_sub(taken);
    let open_least: u64 = (0..n)
        .filter(|&i| !whole[i])
        .map(|i| least[i])
        .sum::<u64>()
        .max(1);
    (0..n)
        .map(|i| {
            if whole[i] {
                least[i]
            } else {
                rest * least[i] / open_least
            }
        })
        .collect()
}

/// Every column at least `1/part` of its longest word, as many as can keep it whole
/// (shortest first), and the rest by text; `None` when the parts alone do not fit.
fn at_least_part(least: &[u64], natural: &[u64], available: u64, part: u64) -> Option<Vec<u64>> {
    let mut demand: Vec<u64> = least.iter().map(|l| l / part).collect();
    let mut demanded: u64 = demand.iter().sum();
    if demanded > available {
        return None;
    }
    let mut order: Vec<usize> = (0..least.len()).collect();
    order.sort_by_key(|&i| (least[i], i));
    for i in order {
        let more = least[i] - demand[i];
        if demanded + more > available {
            break;
        }
        demanded += more;
        demand[i] = least[i];
    }
    let extra = available - demanded;
    let wants: Vec<u64> = natural.iter().zip(&demand).map(|(n, d)| n - d).collect();
    let wants_sum = wants.iter().sum::<u64>().max(1);
    Some(
        demand
            .iter()
            .zip(&wants)
            .map(|(d, w)| d + extra * w / wants_sum)
            .collect(),
    )
}

/// Narrow columns at their natural width and the wide ones sharing the rest in proportion
/// to their natural width (none below its least); `None` when the wide columns' longest
/// words would not fit beside the narrow columns.
fn shared(least: &[u64], natural: &[u64], available: u64) -> Option<Vec<u64>> {
    let n = natural.len();
    let mut narrow_column = vec![false; n];
    // Fixing a column whose text fits in an equal share only enlarges the others' shares, so
    // fixing every such column at once and repeating reaches the same columns as one by one.
    loop {
        let taken: u64 = (0..n)
            .filter(|&i| narrow_column[i])
            .map(|i| natural[i])
            .sum();
        let open = (0..n).filter(|&i| !narrow_column[i]).count() as u64;
        let rest = available.checked_sub(taken)?;
        let fits: Vec<usize> = (0..n)
            .filter(|&i| !narrow_column[i] && natural[i] * open <= rest)
            .collect();
        if fits.is_empty() || fits.len() as u64 == open {
            break;
        }
        for i in fits {
            narrow_column[i] = true;
        }
    }
    let mut widths: Vec<u64> = (0..n)
        .map(|i| if narrow_column[i] { natural[i] } else { 0 })
        .collect();
    // The wide columns: in proportion to their natural width; a column that would fall
    // below its longest word gets that, and the others share what remains.
    let mut at_least = vec![false; n];
    loop {
        let taken: u64 = (0..n)
            .filter(|&i| narrow_column[i] || at_least[i])
            .map(|i| widths[i])
            .sum();
        let rest = available.checked_sub(taken)?;
        let open: Vec<usize> = (0..n)
            .filter(|&i| !narrow_column[i] && !at_least[i])
            .collect();
        let open_natural: u64 = open.iter().map(|&i| natural[i]).sum::<u64>().max(1);
        let mut changed = false;
        for &i in &open {
            let share = rest * natural[i] / open_natural;
            if share < least[i] {
                widths[i] = least[i];
                at_least[i] = true;
                changed = true;
            } else {
                widths[i] = share;
            }
        }
        if !changed {
            break;
        }
        if open.iter().all(|&i| at_least[i]) {
            break;
        }
    }
    (widths.iter().sum::<u64>() <= available).then_some(widths)
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
    fn narrow_columns_are_not_wrapped_and_wide_ones_share_the_rest() {
        // A date, a long title, a committee and a reference: only the title wraps.
        let w = fit(&[1000, 2100, 1600, 1500], &[1000, 5000, 1600, 1700], 9000);
        assert_eq!(w, [1000, 4700, 1600, 1700]);
        // Two long texts share in proportion to their length.
        let w = fit(&[500, 800, 800], &[900, 6000, 12000], 9000);
        assert_eq!(w.iter().sum::<u32>(), 9000);
        assert_eq!(w[0], 900);
        assert!(w[2] > w[1] && w[1] >= 800, "{w:?}");
    }

    #[test]
    fn the_longest_words_come_first_when_space_is_short() {
        // The second column's longest word would not fit beside the first's natural width.
        let w = fit(&[1000, 2900], &[1500, 6000], 4000);
        assert_eq!(w.iter().sum::<u32>(), 4000);
        assert!(w[1] >= 2900 && w[0] >= 1000, "{w:?}");
    }

    #[test]
    fn when_words_cannot_fit_the_short_ones_stay_whole() {
        // A date and a status keep their words, and so does the long text, whose words are
        // the shortest of the rest; two long names keep half of theirs.
        let w = fit(
            &[1200, 3000, 3000, 3300, 1100],
            &[1200, 9000, 3000, 3300, 1100],
            9000,
        );
        assert_eq!(w, [1200, 3361, 1590, 1749, 1100]);
        // An incident's title, its date, type, severity, unit and state: the unit's long
        // name is the one hyphenated.
        let w = fit(
            &[1790, 1130, 2300, 1310, 2700, 1040],
            &[7000, 1130, 2300, 1310, 2700, 1040],
            9070,
        );
        assert_eq!(w, [1909, 1130, 2301, 1310, 1380, 1040]);
        let w = fit(&[3000, 1000], &[3000, 1000], 2000);
        assert_eq!(w, [1500, 500], "each keeps half its longest word");
        // Eight crowded columns: the three with the shortest words keep them.
        let least = [1220, 2680, 1750, 900, 2500, 2750, 1900, 1100];
        let w = fit(&least, &least, 9070);
        assert_eq!(w.iter().sum::<u32>(), 9070);
        assert_eq!((w[0], w[3], w[7]), (1220, 900, 1100));
        assert!((0..8).filter(|&i| w[i] >= least[i]).count() == 3, "{w:?}");
        // When halves do not fit, thirds; then the longest words share alike.
        let w = fit(&[6000, 6000, 500], &[6000, 6000, 500], 5000);
        assert_eq!(w, [2250, 2250, 500]);
        let w = fit(&[6000, 6000, 500], &[6000, 6000, 500], 4500);
        assert_eq!(w, [2000, 2000, 500]);
        let w = fit(&[6000, 6000, 500], &[6000, 6000, 500], 3000);
        assert_eq!(w, [1250, 1250, 500]);
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
