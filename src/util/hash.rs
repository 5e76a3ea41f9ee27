//! Hash maps and sets for the rules and derived views: keyed by ids and words from the
//! repository itself, not by an adversary's choice, so a fast fixed-seed hash serves
//! (`foldhash`) instead of the standard library's SipHash with a random seed. A fixed seed
//! also keeps every run identical.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
