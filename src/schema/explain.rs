//! The wording of schema errors: each error `jsonschema` reports becomes a message and a
//! hint in the user's terms, placed at the key or the value it is about.

use jsonschema::JsonType;
use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::{SchemaError, parsed};
use crate::model::Kind;
use crate::util::suggest::closest;

/// The value an error is about, and the name messages give it.
struct Subject<'v> {
    pointer: &'v str,
    field: String,
    instance: &'v Value,
}

impl<'v> Subject<'v> {
    fn at(value: &'v Value, pointer: &'v str) -> Subject<'v> {
        Subject {
            pointer,
            field: field_name(pointer),
            instance: value.pointer(pointer).unwrap_or(&Value::Null),
        }
    }

    /// An error placed at the value, or at its key.
    fn error(&self, at_key: bool, message: String, help: Option<String>) -> SchemaError {
        SchemaError {
            pointer: self.pointer.to_owned(),
            at_key,
            message,
            help,
        }
    }
}

/// Words the error `error` at `pointer` of a `kind` record `value` into `out`; keywords
/// without words of their own keep the first line of `jsonschema`'s message, `fallback`.
pub(super) fn explain(
    kind: Kind,
    value: &Value,
    pointer: &str,
    error: &ValidationErrorKind,
    fallback: &str,
    out: &mut Vec<SchemaError>,
) {
    let subject = Subject::at(value, pointer);
    match error {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            unknown_fields(kind, pointer, unexpected, out);
        }
        ValidationErrorKind::Required { property } => out.push(missing_field(&subject, property)),
        ValidationErrorKind::Enum { options } => out.push(not_one_of(&subject, options)),
        ValidationErrorKind::Type { kind: expected } => out.push(wrong_type(&subject, expected)),
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => {
            out.push(out_of_range(&subject, "below the minimum", limit));
        }
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            out.push(out_of_range(&subject, "above the maximum", limit));
        }
        ValidationErrorKind::Format { format } if format == "date" => {
            out.push(invalid_date(&subject));
        }
        ValidationErrorKind::Pattern { pattern } => out.push(not_matching(&subject, pattern)),
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            explain_branches(kind, value, pointer, context, out);
        }
        _ => out.push(subject.error(false, first_line(fallback), None)),
    }
}

/// Fields the schema does not know, each with the closest known name or the list of them.
fn unknown_fields(kind: Kind, pointer: &str, unexpected: &[String], out: &mut Vec<SchemaError>) {
    let known = known_properties(kind, pointer);
    for key in unexpected {
        let suggestion = closest(key, known.iter().map(String::as_str));
        let help = match suggestion {
            Some(s) => Some(format!(
                "did you mean `{s}`? Extension fields start with `x-`"
            )),
            None => Some(format!(
                "known fields here: {}; extension fields start with `x-`",
                known.join(", ")
            )),
        };
        let message = match suggestion {
            Some(s) => format!("unknown field `{key}` (did you mean `{s}`?)"),
            None => format!("unknown field `{key}`"),
        };
        out.push(SchemaError {
            pointer: format!("{pointer}/{}", escape(key)),
            at_key: true,
            message,
            help,
        });
    }
}

fn missing_field(subject: &Subject<'_>, property: &Value) -> SchemaError {
    let name = property.as_str().unwrap_or_default();
    let at = if subject.pointer.is_empty() {
        "the record"
    } else {
        subject.field.as_str()
    };
    subject.error(
        true,
        format!("missing required field `{name}` in {at}"),
        None,
    )
}

/// A value outside an `enum`, with the closest allowed one.
fn not_one_of(subject: &Subject<'_>, options: &Value) -> SchemaError {
    let allowed: Vec<String> = options
        .as_array()
        .map(|a| a.iter().map(show).collect())
        .unwrap_or_default();
    let got = show(subject.instance);
    let suggestion = subject
        .instance
        .as_str()
        .and_then(|s| closest(s, allowed.iter().map(|a| a.trim_matches('`'))));
    subject.error(
        false,
        format!(
            "{got} is not a valid `{}`; expected one of {}",
            subject.field,
            allowed.join(", ")
        ),
        suggestion.map(|s| format!("did you mean `{s}`?")),
    )
}

fn wrong_type(subject: &Subject<'_>, expected: &TypeKind) -> SchemaError {
    let expected = type_name(expected);
    let help = match (subject.instance, expected.as_str()) {
        (Value::String(s), e)
            if e.contains("boolean")
                && matches!(s.as_str(), "yes" | "no" | "on" | "off" | "ja" | "nej") =>
        {
            Some("write `true` or `false` (YAML 1.2 reads `yes`/`no` as text)".to_owned())
        }
        _ => None,
    };
    subject.error(
        false,
        format!(
            "`{}` must be {}, found {}",
            subject.field,
            article(&expected),
            describe(subject.instance)
        ),
        help,
    )
}

/// The type a field must have. A nullable field (`[boolean, null]`) is named by its
/// non-null type: an empty value is never the mistake being reported.
fn type_name(expected: &TypeKind) -> String {
    match expected {
        TypeKind::Single(t) => t.to_string(),
        TypeKind::Multiple(set) => {
            let names: Vec<String> = set
                .iter()
                .filter(|t| *t != JsonType::Null)
                .map(|t| t.to_string())
                .collect();
            match names.as_slice() {
                [one] => one.clone(),
                _ => names.join(", "),
            }
        }
    }
}

/// A number beyond a bound; `beyond` says which (`below the minimum`).
fn out_of_range(subject: &Subject<'_>, beyond: &str, limit: &Value) -> SchemaError {
    subject.error(
        false,
        format!(
            "`{}` is {}, {beyond} {limit}",
            subject.field,
            show_plain(subject.instance)
        ),
        range_help(subject.pointer),
    )
}

fn invalid_date(subject: &Subject<'_>) -> SchemaError {
    subject.error(
        false,
        format!("{} is not a valid date", show(subject.instance)),
        Some("dates are written YYYY-MM-DD and must exist in the calendar".to_owned()),
    )
}

/// A text that does not match its `pattern`: ids, country codes and date-times are told
/// how they are written.
fn not_matching(subject: &Subject<'_>, pattern: &str) -> SchemaError {
    let instance = subject.instance;
    let help = if subject.field == "id"
        || subject.pointer.ends_with("/id")
        || pattern == "^[A-Za-z0-9][A-Za-z0-9._-]*$"
    {
        let rule = "ids use the letters a–z and A–Z (not å, ä or ö), digits, `.`, `_` and `-`, and start with a letter or digit";
        Some(match instance.as_str().and_then(ascii_id) {
            Some(id) => format!("{rule}, e.g. `{id}`"),
            None => rule.to_owned(),
        })
    } else if pattern == "^[A-Z]{2}$" {
        Some(match instance.as_str() {
            Some(c) if c.len() == 2 && c.is_ascii() => format!(
                "country codes are ISO 3166-1 alpha-2, in capitals: `{}`",
                c.to_ascii_uppercase()
            ),
            _ => "country codes are ISO 3166-1 alpha-2, two capitals such as `SE`".to_owned(),
        })
    } else if pattern.contains("T ]") || pattern.contains("[T") {
        Some(
            "date-times are written 2023-05-02T09:30, optionally with seconds and an offset"
                .to_owned(),
        )
    } else {
        None
    };
    subject.error(
        false,
        format!("{} is not a valid `{}`", show(instance), subject.field),
        help,
    )
}

/// `anyOf`/`oneOf` say only that no branch fits (and print the whole record). A nullable
/// field (`[date, null]`) is explained by its one non-null branch; alternatives of
/// required fields (a risk's `asset` or `unit`) by naming them.
fn explain_branches(
    kind: Kind,
    value: &Value,
    pointer: &str,
    branches: &[Vec<ValidationError<'static>>],
    out: &mut Vec<SchemaError>,
) {
    let live: Vec<&Vec<_>> = branches.iter().filter(|b| !only_null_allowed(b)).collect();
    let subject = Subject::at(value, pointer);
    if let Some(names) = required_alternatives(&live).filter(|n| n.len() > 1) {
        let whole = if pointer.is_empty() {
            format!("a {kind}")
        } else {
            format!("`{}`", subject.field)
        };
        out.push(subject.error(
            true,
            format!(
                "missing field: {whole} needs at least one of {}",
                names.join(", ")
            ),
            None,
        ));
        return;
    }
    if let [branch] = live.as_slice() {
        for e in branch.iter() {
            let at = e.instance_path().as_str().to_owned();
            explain(kind, value, &at, e.kind(), &e.to_string(), out);
        }
        return;
    }
    let got = match subject.instance {
        Value::Array(_) | Value::Object(_) => describe(subject.instance),
        scalar => show(scalar),
    };
    out.push(subject.error(
        false,
        format!("{got} is not a valid `{}`", subject.field),
        None,
    ));
}

/// Whether a branch failed only for not being null: the empty side of a nullable field.
fn only_null_allowed(errors: &[ValidationError<'static>]) -> bool {
    errors.iter().all(|e| {
        matches!(
            e.kind(),
            ValidationErrorKind::Type {
                kind: TypeKind::Single(JsonType::Null)
            }
        )
    })
}

/// The fields of branches that each fail for one missing field, quoted; None when any
/// branch fails otherwise.
fn required_alternatives(branches: &[&Vec<ValidationError<'static>>]) -> Option<Vec<String>> {
    branches
        .iter()
        .map(|b| match b.as_slice() {
            [e] => match e.kind() {
                ValidationErrorKind::Required { property } => {
                    property.as_str().map(|p| format!("`{p}`"))
                }
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_owned()
}

fn range_help(pointer: &str) -> Option<String> {
    let f = field_name(pointer);
    match f.as_str() {
        "confidentiality" | "integrity" | "availability" | "traceability" | "level" | "any" => {
            Some("levels run from 0 (none or negligible) to 4 (exceptionally serious)".to_owned())
        }
        "likelihood" | "consequence" => {
            Some("likelihood and consequence run from 1 to 4".to_owned())
        }
        _ => None,
    }
}

fn field_name(pointer: &str) -> String {
    let mut segs = pointer.rsplit('/');
    let last = segs.next().unwrap_or_default();
    if last.bytes().all(|b| b.is_ascii_digit()) && !last.is_empty() {
        let parent = segs.next().unwrap_or_default();
        format!("{parent}[{last}]")
    } else {
        last.replace("~1", "/").replace("~0", "~")
    }
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// An id as it could be written: Swedish (and some other) letters without their marks,
/// spaces as `-`, other characters dropped. None when nothing usable is left.
fn ascii_id(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.trim().chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '_' | '-' => out.push(c),
            'å' | 'ä' | 'à' | 'á' | 'â' => out.push('a'),
            'Å' | 'Ä' | 'À' | 'Á' | 'Â' => out.push('A'),
            'ö' | 'ø' | 'ó' | 'ô' => out.push('o'),
            'Ö' | 'Ø' | 'Ó' | 'Ô' => out.push('O'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'É' | 'È' | 'Ê' | 'Ë' => out.push('E'),
            'ü' | 'ú' => out.push('u'),
            'Ü' | 'Ú' => out.push('U'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            c if c.is_whitespace() => out.push('-'),
            _ => {}
        }
    }
    let out = out.trim_start_matches(['.', '_', '-']).to_owned();
    (!out.is_empty() && out != s).then_some(out)
}

fn article(t: &str) -> String {
    match t {
        "integer" | "array" | "object" => format!("an {t}"),
        "null" => "null".to_owned(),
        t if t.contains(',') || t.starts_with('[') => format!("one of {t}"),
        t => format!("a {t}"),
    }
}

fn show(v: &Value) -> String {
    format!("`{}`", show_plain(v))
}

fn show_plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "nothing (null)".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => format!("number `{n}`"),
        Value::String(s) => format!("text `{s}`"),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a mapping".to_owned(),
    }
}

/// The property names the schema allows for the object at `pointer` of a `kind` record.
pub fn known_properties(kind: Kind, pointer: &str) -> Vec<String> {
    let mut node = parsed(kind.as_str());
    for seg in pointer.split('/').skip(1) {
        node = resolve(node);
        let next = if seg.bytes().all(|b| b.is_ascii_digit()) {
            node.get("items")
        } else {
            node.get("properties").and_then(|p| p.get(seg))
        };
        match next {
            Some(n) => node = n,
            None => return Vec::new(),
        }
    }
    let node = resolve(node);
    let mut names: Vec<String> = node
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Follows `$ref` (local or into `common`) and a nullable `anyOf`, to the object schema.
fn resolve(mut node: &'static Value) -> &'static Value {
    for _ in 0..8 {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let (file, frag) = r.split_once('#').unwrap_or((r, ""));
            let file = file.strip_prefix("urn:isms:schema:").unwrap_or(file);
            let file = file.strip_suffix(".schema.json").unwrap_or(file);
            let base = if file.is_empty() { "common" } else { file };
            match parsed(base).pointer(frag) {
                Some(n) => node = n,
                None => return node,
            }
            continue;
        }
        let branch = ["anyOf", "oneOf", "allOf"].iter().find_map(|k| {
            node.get(*k)?.as_array()?.iter().find(|b| {
                b.get("properties").is_some() || b.get("$ref").is_some() || b.get("items").is_some()
            })
        });
        match branch {
            Some(b) if node.get("properties").is_none() && node.get("items").is_none() => node = b,
            _ => return node,
        }
    }
    node
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::schema::validate;

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let v = json!({"kind": "policy", "id": "p", "title": "T", "type": "guideline",
                       "status": "adopted", "adopetd": "2020-01-01"});
        let errs = validate(Kind::Policy, &v);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].pointer, "/adopetd");
        assert!(
            errs[0].message.contains("did you mean `adopted`"),
            "{}",
            errs[0].message
        );
    }

    #[test]
    fn impossible_dates_and_levels_out_of_range() {
        let v = json!({"kind": "classification", "id": "c", "asset": "a", "date": "2024-02-30",
                       "confidentiality": 5, "integrity": 1, "availability": 1});
        let errs = validate(Kind::Classification, &v);
        let pointers: Vec<&str> = errs.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(pointers, ["/confidentiality", "/date"], "{errs:?}");
    }

    #[test]
    fn ascii_id_suggestions() {
        assert_eq!(ascii_id("socialnämnden").as_deref(), Some("socialnamnden"));
        assert_eq!(
            ascii_id("Miljö och bygg").as_deref(),
            Some("Miljo-och-bygg")
        );
        assert_eq!(ascii_id("-x").as_deref(), Some("x"));
        assert_eq!(ascii_id("ok-id"), None);
        assert_eq!(ascii_id("§§"), None);
    }

    #[test]
    fn nullable_fields_are_explained_by_their_value_branch() {
        let v = json!({"kind": "policy", "id": "p", "title": "T", "type": "guideline",
                       "status": "adopted", "adopted": "2024-02-30", "drafted": null});
        let errs = validate(Kind::Policy, &v);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].pointer, "/adopted");
        assert_eq!(errs[0].message, "`2024-02-30` is not a valid date");
        let v = json!({"kind": "asset", "id": "a", "name": "A", "type": "system",
                       "unit": "two words"});
        let errs = validate(Kind::Asset, &v);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].message, "`two words` is not a valid `unit`");
        assert!(
            errs[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .contains("e.g. `two-words`")
        );
    }

    #[test]
    fn alternatives_of_required_fields_are_named() {
        let v = json!({"kind": "risk", "id": "r", "title": "T", "assessed": "2024-01-01",
                       "likelihood": 1, "consequence": 1});
        let errs = validate(Kind::Risk, &v);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(
            errs[0].message,
            "missing field: a risk needs at least one of `asset`, `unit`"
        );
        assert!(errs[0].at_key);
    }

    #[test]
    fn known_properties_of_nested_objects() {
        let hosting = known_properties(Kind::Asset, "/hosting");
        assert!(
            hosting.contains(&"transfer_safeguard".to_owned()),
            "{hosting:?}"
        );
        let notif = known_properties(Kind::Incident, "/notifications/0");
        assert!(notif.contains(&"at".to_owned()), "{notif:?}");
    }
}
