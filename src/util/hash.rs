//! Hash maps and sets for the rules and derived views: keyed by ids and words from the
//! repository itself, not by an adversary's choice, so a fast fixed-seed hash serves
//! (`foldhash`) instead of the standard library's SipHash with a random seed. A fixed seed
//! also keeps every run identical.

/// The fixed-seed hasher of [`HashMap`] and [`HashSet`], for values hashed on their own.
pub type Fixed = foldhash::fast::FixedState;

pub type HashMap<K, V> = std::collections::HashMap<K, V, Fixed>;
pub type HashSet<K> = std::collections::HashSet<K, Fixed>;

/// A hash of `parts` that is the same in every build and on every machine (FNV-1a, 64
/// bits, over the parts separated by a unit separator): for identities that outlive a
/// run, such as finding fingerprints in SARIF and baselines.
pub fn stable_hash(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let step = |h: u64, b: &u8| (h ^ u64::from(*b)).wrapping_mul(PRIME);
    parts.iter().enumerate().fold(OFFSET, |h, (i, part)| {
        let h = if i == 0 { h } else { step(h, &0x1f) };
        part.as_bytes().iter().fold(h, step)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_hash_is_fnv1a_over_the_separated_parts() {
        // The reference vectors of FNV-1a 64.
        assert_eq!(stable_hash(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(stable_hash(&["a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(stable_hash(&["foobar"]), 0x8594_4171_f739_67e8);
        assert_eq!(stable_hash(&["foo", "bar"]), stable_hash(&["foo\u{1f}bar"]));
        assert_ne!(stable_hash(&["foo", "bar"]), stable_hash(&["foob", "ar"]));
    }
}
