//! Plain scalars resolved by the YAML 1.2 core schema.

use std::borrow::Cow;

use serde_json::{Number, Value};

use crate::source::tree::Slot;

/// A plain scalar resolved by the YAML 1.2 core schema: `yes`/`no` stay strings and dates
/// stay strings (the schemas give them their meaning).
pub(super) fn resolve(text: Cow<'_, str>) -> Slot<'_> {
    match &*text {
        "" | "~" | "null" | "Null" | "NULL" => return Slot::Null,
        "true" | "True" | "TRUE" => return Slot::Bool(true),
        "false" | "False" | "FALSE" => return Slot::Bool(false),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Slot::Str(text);
    }
    if let Some(n) = parse_int(&text) {
        return Slot::Int(n);
    }
    if is_float(&text)
        && let Ok(f) = text.parse::<f64>()
        && f.is_finite()
    {
        return Slot::Float(f);
    }
    Slot::Str(text)
}

/// Resolves a plain scalar by the YAML 1.2 core schema, as the loader reads it.
pub fn resolve_plain(s: &str) -> Value {
    match resolve(Cow::Borrowed(s)) {
        Slot::Null => Value::Null,
        Slot::Bool(b) => Value::Bool(b),
        Slot::Int(i) => Value::Number(i.into()),
        Slot::Float(f) => Number::from_f64(f).map_or(Value::Null, Value::Number),
        _ => Value::String(s.to_owned()),
    }
}

fn parse_int(s: &str) -> Option<i64> {
    if let Some(h) = s.strip_prefix("0x") {
        return i64::from_str_radix(h, 16).ok();
    }
    if let Some(o) = s.strip_prefix("0o") {
        return i64::from_str_radix(o, 8).ok();
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    None
}

fn is_float(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let mantissa_ok = {
        let (int, frac) = match mantissa.find('.') {
            Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
            None => (mantissa, None),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        digits(int)
            && frac.is_none_or(digits)
            && !(int.is_empty() && frac.is_none_or(str::is_empty))
    };
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exp_ok
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn resolves_core_schema_scalars() {
        assert_eq!(resolve_plain("3"), json!(3));
        assert_eq!(resolve_plain("-2"), json!(-2));
        assert_eq!(resolve_plain("0.9"), json!(0.9));
        assert_eq!(resolve_plain("true"), json!(true));
        assert_eq!(resolve_plain("yes"), json!("yes"));
        assert_eq!(resolve_plain("~"), json!(null));
        assert_eq!(resolve_plain("2023-03-15"), json!("2023-03-15"));
        assert_eq!(resolve_plain("1.2.3"), json!("1.2.3"));
        assert_eq!(resolve_plain("KS 2023"), json!("KS 2023"));
    }
}
