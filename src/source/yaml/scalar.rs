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
    // An integer beyond 64 bits stays text (the schema then says it is not a number)
    // rather than becoming a float that has lost its last digits.
    if is_decimal_int(&text) {
        return Slot::Str(text);
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

/// A core-schema integer: decimal with an optional sign, `0x` hexadecimal or `0o` octal
/// (digits only: `0x-1` and `0x+1F` are text, though Rust's parsers would take the sign).
fn parse_int(s: &str) -> Option<i64> {
    if let Some(h) = s.strip_prefix("0x") {
        let ok = !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit());
        return ok.then(|| i64::from_str_radix(h, 16).ok()).flatten();
    }
    if let Some(o) = s.strip_prefix("0o") {
        let ok = !o.is_empty() && o.bytes().all(|b| matches!(b, b'0'..=b'7'));
        return ok.then(|| i64::from_str_radix(o, 8).ok()).flatten();
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    None
}

/// Whether `s` is written as a decimal integer (whatever its size).
fn is_decimal_int(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
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

    #[test]
    fn str_tags_keep_a_number_as_text() {
        for text in [
            "a: !!str 12\n",
            "a: ! 12\n",
            "a: !<tag:yaml.org,2002:str> 12\n",
        ] {
            let parsed = crate::source::yaml::parse(text);
            assert!(parsed.error.is_none(), "{text}: {:?}", parsed.error);
            assert_eq!(
                parsed.documents[0].tree.to_value(),
                json!({"a": "12"}),
                "{text}"
            );
        }
        let plain = crate::source::yaml::parse("a: 12\n");
        assert_eq!(plain.documents[0].tree.to_value(), json!({"a": 12}));
    }

    #[test]
    fn signs_inside_hex_and_octal_and_oversized_integers_are_text() {
        assert_eq!(resolve_plain("0x1F"), json!(31));
        assert_eq!(resolve_plain("0o17"), json!(15));
        for text in [
            "0x-1",
            "0o-7",
            "0x+1F",
            "0x",
            "0o8",
            "99999999999999999999",
            "1e999",
            ".inf",
            ".nan",
        ] {
            assert_eq!(resolve_plain(text), json!(text), "{text}");
        }
    }
}
