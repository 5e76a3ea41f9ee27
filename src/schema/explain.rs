//! What schema errors are, as data: each error `jsonschema` reports becomes a message of
//! REC001 in the rules' catalogue (`REC001-type`, `REC001-enum`, …) and the values that
//! fill it, in the user's terms, placed at the key or the value it is about.

use jsonschema::JsonType;
use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use super::{SchemaError, parsed};
use crate::l10n::{self, Args};
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

    /// An error placed at the value, or at its key, said by `template` from `args`.
    fn error(&self, at_key: bool, template: &'static str, args: Args) -> SchemaError {
        SchemaError {
            pointer: self.pointer.to_owned(),
            at_key,
            template,
            args,
        }
    }

    /// The subject's field name and its value as the record wrote it (see [`found`]).
    fn args(&self) -> Args {
        let mut args: Args = vec![("field", self.field.as_str().into())];
        found(self.instance, &mut args);
        args
    }

    /// Where a missing field belongs: `nested` says whether in a field of the record,
    /// named `parent`, or in the record itself.
    fn within(&self, args: &mut Args) {
        let nested = !self.pointer.is_empty();
        args.push(("nested", nested.into()));
        if nested {
            args.push(("parent", self.field.as_str().into()));
        }
    }
}

/// The field at `pointer` of a record `value` and its value, as a message names them:
/// `field`, `found` (what the value is) and, for a scalar, `value` (how it is written).
pub fn value_args(value: &Value, pointer: &str) -> Args {
    Subject::at(value, pointer).args()
}

/// Explains the error `error` at `pointer` of a `kind` record `value` into `out`; keywords
/// without a message of their own keep the first line of `jsonschema`'s, `fallback`.
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
        ValidationErrorKind::Required { property } => {
            out.push(missing_field(kind, &subject, property));
        }
        ValidationErrorKind::Enum { options } => out.push(not_one_of(&subject, options)),
        ValidationErrorKind::Type { kind: expected } => out.push(wrong_type(&subject, expected)),
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => {
            out.push(out_of_range(&subject, "minimum", limit));
        }
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            out.push(out_of_range(&subject, "maximum", limit));
        }
        ValidationErrorKind::Format { format } if format == "date" => {
            out.push(invalid_date(&subject));
        }
        ValidationErrorKind::Pattern { pattern } => out.push(not_matching(&subject, pattern)),
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            explain_branches(kind, value, pointer, context, out);
        }
        _ => {
            let args = vec![
                ("error", first_line(fallback).into()),
                ("kind", kind.as_str().into()),
            ];
            out.push(subject.error(false, "REC001-other", args));
        }
    }
}

/// Fields the schema does not know, each with the closest known name or the list of them.
fn unknown_fields(kind: Kind, pointer: &str, unexpected: &[String], out: &mut Vec<SchemaError>) {
    let known = known_properties(kind, pointer);
    for key in unexpected {
        if key == "<<" {
            out.push(SchemaError {
                pointer: format!("{pointer}/{}", escape(key)),
                at_key: true,
                template: "REC001-merge-key",
                args: Args::new(),
            });
            continue;
        }
        let suggestion = closest(key, known.iter().map(String::as_str));
        let mut args: Args = vec![("field", key.into())];
        l10n::suggest(&mut args, suggestion);
        if suggestion.is_none() {
            args.push(("known", known.clone().into()));
        }
        out.push(SchemaError {
            pointer: format!("{pointer}/{}", escape(key)),
            at_key: true,
            template: "REC001-unknown-field",
            args,
        });
    }
}

fn missing_field(kind: Kind, subject: &Subject<'_>, property: &Value) -> SchemaError {
    let name = property.as_str().unwrap_or_default();
    let mut args: Args = vec![("field", name.into()), ("kind", kind.as_str().into())];
    subject.within(&mut args);
    subject.error(true, "REC001-required", args)
}

/// A value outside an `enum`, with the closest allowed one.
fn not_one_of(subject: &Subject<'_>, options: &Value) -> SchemaError {
    let allowed: Vec<String> = options
        .as_array()
        .map(|a| a.iter().map(show_plain).collect())
        .unwrap_or_default();
    let suggestion = subject
        .instance
        .as_str()
        .and_then(|s| closest(s, allowed.iter().map(String::as_str)))
        .map(str::to_owned);
    let mut args = subject.args();
    args.push(("allowed", l10n::Value::Codes(allowed)));
    l10n::suggest(&mut args, suggestion.as_deref());
    subject.error(false, "REC001-enum", args)
}

fn wrong_type(subject: &Subject<'_>, expected: &TypeKind) -> SchemaError {
    let expected = type_names(expected);
    // YAML 1.1 read these as booleans; YAML 1.2, and so `isms`, reads them as text.
    let yes_no = matches!(subject.instance, Value::String(s)
            if matches!(s.as_str(), "yes" | "no" | "on" | "off" | "ja" | "nej"))
        && expected.iter().any(|t| t.contains("boolean"));
    let mut args = subject.args();
    args.push(("expected", expected.into()));
    args.push(("hint", if yes_no { "yes-no" } else { "none" }.into()));
    subject.error(false, "REC001-type", args)
}

/// The types a field may have. A nullable field (`[boolean, null]`) is named by its
/// non-null types: an empty value is never the mistake being reported.
fn type_names(expected: &TypeKind) -> Vec<String> {
    match expected {
        TypeKind::Single(t) => vec![t.to_string()],
        TypeKind::Multiple(set) => {
            let names: Vec<String> = set
                .iter()
                .filter(|t| *t != JsonType::Null)
                .map(|t| t.to_string())
                .collect();
            if names.is_empty() {
                vec![JsonType::Null.to_string()]
            } else {
                names
            }
        }
    }
}

/// A number beyond a bound; `bound` says which (`minimum` or `maximum`).
fn out_of_range(subject: &Subject<'_>, bound: &'static str, limit: &Value) -> SchemaError {
    let args = vec![
        ("field", subject.field.as_str().into()),
        ("value", number(subject.instance)),
        ("bound", bound.into()),
        ("limit", number(limit)),
        ("hint", range_hint(subject.pointer).into()),
    ];
    subject.error(false, "REC001-range", args)
}

fn invalid_date(subject: &Subject<'_>) -> SchemaError {
    subject.error(false, "REC001-date", subject.args())
}

/// A text that does not match its `pattern`: ids, country codes and date-times are told
/// how they are written (`hint`, with an `example` made from the value where one can be).
fn not_matching(subject: &Subject<'_>, pattern: &str) -> SchemaError {
    let instance = subject.instance;
    let (hint, example) = if subject.field == "id"
        || subject.pointer.ends_with("/id")
        || pattern == "^[A-Za-z0-9][A-Za-z0-9._-]*$"
    {
        match instance.as_str().and_then(ascii_id) {
            Some(id) => ("id-example", Some(id)),
            None => ("id", None),
        }
    } else if pattern == "^[A-Z]{2}$" {
        match instance.as_str() {
            Some(c) if c.len() == 2 && c.is_ascii() => {
                ("country-capitals", Some(c.to_ascii_uppercase()))
            }
            _ => ("country", None),
        }
    } else if pattern.contains("T ]") || pattern.contains("[T") {
        ("date-time", None)
    } else {
        ("none", None)
    };
    let mut args = subject.args();
    args.push(("hint", hint.into()));
    if let Some(example) = example {
        args.push(("example", example.into()));
    }
    subject.error(false, "REC001-invalid", args)
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
        let mut args: Args = vec![
            ("fields", l10n::Value::Codes(names)),
            ("kind", kind.as_str().into()),
        ];
        subject.within(&mut args);
        out.push(subject.error(true, "REC001-required-one-of", args));
        return;
    }
    if let [branch] = live.as_slice() {
        for e in branch.iter() {
            let at = e.instance_path().as_str().to_owned();
            explain(kind, value, &at, e.kind(), &e.to_string(), out);
        }
        return;
    }
    let mut args = subject.args();
    args.push(("hint", "none".into()));
    out.push(subject.error(false, "REC001-invalid", args));
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

/// The fields of branches that each fail for one missing field; None when any branch
/// fails otherwise.
fn required_alternatives(branches: &[&Vec<ValidationError<'static>>]) -> Option<Vec<String>> {
    branches
        .iter()
        .map(|b| match b.as_slice() {
            [e] => match e.kind() {
                ValidationErrorKind::Required { property } => property.as_str().map(str::to_owned),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_owned()
}

/// Which scale a field's bounds belong to, for the help line: `levels`, `likelihood`
/// (likelihood and consequence) or `none`.
fn range_hint(pointer: &str) -> &'static str {
    match field_name(pointer).as_str() {
        "confidentiality" | "integrity" | "availability" | "traceability" | "level" | "any" => {
            "levels"
        }
        "likelihood" | "consequence" => "likelihood",
        _ => "none",
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

/// A value as the record wrote it, for a message: text without quotes, anything else as
/// JSON.
fn show_plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What a value is, as `found` (`null`, `boolean`, `number`, `text`, `list` or
/// `mapping`), and for a scalar how it is written, as `value`.
fn found(v: &Value, args: &mut Args) {
    let what = match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "text",
        Value::Array(_) => "list",
        Value::Object(_) => "mapping",
    };
    args.push(("found", what.into()));
    if !matches!(v, Value::Array(_) | Value::Object(_)) {
        args.push(("value", show_plain(v).into()));
    }
}

/// A number of the record or the schema as a value of a message, read as it was written:
/// a whole number as an integer, `5.0` with its decimal.
fn number(v: &Value) -> l10n::Value {
    match v {
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => l10n::Value::Int(i),
            (None, Some(x)) if n.is_f64() && x.fract() == 0.0 && x.abs() < 1e15 => {
                l10n::Value::Tenths(x)
            }
            (None, Some(x)) if n.is_f64() => l10n::Value::Num(x),
            _ => l10n::Value::Text(n.to_string()),
        },
        other => l10n::Value::Text(show_plain(other)),
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

/// The JSON pointers of the values of a `kind` record `value` that its schema says are
/// date-times (the shared `datetime`): the schema checks only their form, so that a record
/// with other errors can still have its date-times checked against the calendar.
pub fn datetime_pointers(kind: Kind, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(datetime) = parsed("common").pointer("/$defs/datetime") {
        find_datetimes(
            parsed(kind.as_str()),
            value,
            String::new(),
            datetime,
            &mut out,
        );
    }
    out
}

fn find_datetimes(
    schema: &'static Value,
    value: &Value,
    at: String,
    datetime: &Value,
    out: &mut Vec<String>,
) {
    let node = resolve(schema);
    if node == datetime {
        if value.is_string() {
            out.push(at);
        }
        return;
    }
    match value {
        Value::Object(members) => {
            let Some(properties) = node.get("properties") else {
                return;
            };
            for (key, v) in members {
                if let Some(s) = properties.get(key) {
                    find_datetimes(s, v, format!("{at}/{}", escape(key)), datetime, out);
                }
            }
        }
        Value::Array(items) => {
            let Some(s) = node.get("items") else { return };
            for (i, v) in items.iter().enumerate() {
                find_datetimes(s, v, format!("{at}/{i}"), datetime, out);
            }
        }
        _ => {}
    }
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
    use crate::l10n::Language;
    use crate::schema::validate;

    /// An error's message in English, as `isms` says it.
    fn english(e: &SchemaError) -> String {
        crate::rules::messages()
            .format(Language::En, e.template, None, &e.args)
            .unwrap_or_else(|| panic!("no message {}", e.template))
    }

    /// An error's help line in English, if it has one.
    fn english_help(e: &SchemaError) -> Option<String> {
        crate::rules::messages()
            .format(Language::En, e.template, Some("help"), &e.args)
            .filter(|h| !h.is_empty())
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let v = json!({"kind": "policy", "id": "p", "title": "T", "type": "guideline",
                       "status": "adopted", "adopetd": "2020-01-01"});
        let errs = validate(Kind::Policy, &v);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].pointer, "/adopetd");
        assert_eq!(
            english(&errs[0]),
            "unknown field `adopetd` (did you mean `adopted`?)"
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
        assert_eq!(english(&errs[0]), "`2024-02-30` is not a valid date");
        let v = json!({"kind": "asset", "id": "a", "name": "A", "type": "system",
                       "unit": "two words"});
        let errs = validate(Kind::Asset, &v);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(english(&errs[0]), "`two words` is not a valid `unit`");
        assert!(
            english_help(&errs[0])
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
            english(&errs[0]),
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
