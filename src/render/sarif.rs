//! SARIF 2.1.0 output of `isms check`, for GitHub code scanning and other SARIF viewers:
//! one run whose rules are the catalogue entries that ran, one result per finding.

use std::collections::BTreeSet;

use serde::Serialize;

use super::Output;
use crate::check::baseline::{BaselineState, Comparison};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleMeta;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    original_uri_base_ids: OriginalUriBaseIds,
    /// Our columns count characters (see `span.rs`), not UTF-16 code units.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    properties: RunProperties<'a>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
struct OriginalUriBaseIds {
    #[serde(rename = "%SRCROOT%")]
    srcroot: BaseId,
}

#[derive(Serialize)]
struct BaseId {
    description: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunProperties<'a> {
    as_of: &'a str,
    records: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_configuration: Option<Configuration>,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
    /// In ratchet mode (`--baseline REV`): `new`, `unchanged`, `updated` or `absent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties<'a>>,
}

#[derive(Serialize)]
struct Fingerprints {
    /// The finding's identity (rule, record, subject: `Diagnostic::fingerprint`), which
    /// renames, moved lines, reworded messages and partial fixes keep; a new way of
    /// computing it gets a new version in the key.
    #[serde(rename = "isms/findingHash/v2")]
    finding_hash: String,
}

/// The record a finding is about, for consumers that group by record.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties<'a> {
    record_kind: &'static str,
    record_id: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    physical_location: Option<PhysicalLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
struct LogicalLocation {
    name: &'static str,
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

/// Renders the findings as one SARIF log: pretty JSON ending in a newline.
pub fn render(out: &Output<'_>) -> String {
    let codes = rule_codes(out, &[]);
    let results = out.diagnostics.iter().map(|d| result(d, &codes)).collect();
    log(out, &codes, results)
}

/// Ratchet mode (`--baseline REV`): every finding with its `baselineState`, and the
/// baseline's fixed findings as `absent`, so that an upload closes only what was fixed.
pub fn render_with_baseline(out: &Output<'_>, comparison: &Comparison) -> String {
    let codes = rule_codes(out, &comparison.absent);
    let results = out
        .diagnostics
        .iter()
        .zip(&comparison.states)
        .map(|(d, state)| (d, *state))
        .chain(comparison.absent.iter().map(|d| (d, BaselineState::Absent)))
        .map(|(d, state)| SarifResult {
            baseline_state: Some(state.as_str()),
            ..result(d, &codes)
        })
        .collect();
    log(out, &codes, results)
}

fn log<'a>(out: &'a Output<'_>, codes: &[RuleRef], results: Vec<SarifResult<'a>>) -> String {
    let rules = codes.iter().map(descriptor).collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "isms",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            original_uri_base_ids: OriginalUriBaseIds {
                srcroot: BaseId {
                    description: Text {
                        text: "the root of the ISMS repository (the folder holding isms.toml)"
                            .to_owned(),
                    },
                },
            },
            column_kind: "unicodeCodePoints",
            results,
            properties: RunProperties {
                as_of: &out.as_of,
                records: out.records,
            },
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// A rule of the run: the catalogue entry when there is one, else only its code.
enum RuleRef {
    Meta(&'static RuleMeta),
    Code(&'static str),
}

impl RuleRef {
    fn code(&self) -> &'static str {
        match self {
            RuleRef::Meta(m) => m.code,
            RuleRef::Code(c) => c,
        }
    }
}

/// The rules that ran, in catalogue order, then any other code that has a finding (so
/// every result has a `ruleIndex`), in code order.
fn rule_codes(out: &Output<'_>, absent: &[Diagnostic]) -> Vec<RuleRef> {
    let mut v: Vec<RuleRef> = out.rules.iter().map(|r| RuleRef::Meta(r.meta())).collect();
    let extra: BTreeSet<&'static str> = out
        .diagnostics
        .iter()
        .chain(absent)
        .map(|d| d.code)
        .filter(|c| !v.iter().any(|r| r.code() == *c))
        .collect();
    v.extend(extra.into_iter().map(|c| {
        crate::rules::all()
            .into_iter()
            .map(|r| r.meta())
            .find(|m| m.code == c)
            .map_or(RuleRef::Code(c), RuleRef::Meta)
    }));
    v
}

fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn area_tag(code: &str) -> String {
    code.chars().take_while(char::is_ascii_alphabetic).collect()
}

fn descriptor(rule: &RuleRef) -> ReportingDescriptor {
    match rule {
        RuleRef::Meta(m) => {
            let page = m.page();
            ReportingDescriptor {
                id: m.code,
                name: Some(pascal_case(m.name)),
                short_description: Some(Text {
                    text: m.summary.to_owned(),
                }),
                full_description: Some(Text {
                    text: what_it_does(m.doc).unwrap_or_else(|| m.summary.to_owned()),
                }),
                help: Some(Help {
                    text: page.clone(),
                    markdown: page,
                }),
                default_configuration: Some(Configuration {
                    level: level(m.severity),
                }),
                properties: RuleProperties {
                    tags: vec![
                        area_tag(m.code),
                        m.area().title(crate::config::Language::En).to_owned(),
                    ],
                },
            }
        }
        RuleRef::Code(c) => {
            // GitHub code scanning rejects a rule without descriptions and help.
            let area =
                crate::rules::Area::of(c).map_or("isms", |a| a.title(crate::config::Language::En));
            let text = format!(
                "{c} ({area}): a code that is not in the rule catalogue of isms {}",
                env!("CARGO_PKG_VERSION")
            );
            ReportingDescriptor {
                id: c,
                name: None,
                short_description: Some(Text { text: text.clone() }),
                full_description: Some(Text { text: text.clone() }),
                help: Some(Help {
                    markdown: format!("{text}; `isms rules` lists the catalogue."),
                    text: format!("{text}; `isms rules` lists the catalogue."),
                }),
                default_configuration: None,
                properties: RuleProperties {
                    tags: vec![area_tag(c)],
                },
            }
        }
    }
}

/// `stale-document` → `StaleDocument`, the form SARIF viewers expect of a rule name.
fn pascal_case(kebab: &str) -> String {
    kebab
        .split(['-', '_'])
        .flat_map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_ascii_uppercase())
                .into_iter()
                .chain(cs)
        })
        .collect()
}

/// The first paragraph under `## What it does` in a rule's doc comment, on one line.
fn what_it_does(doc: &str) -> Option<String> {
    let mut lines = doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end())
        .skip_while(|l| !l.eq_ignore_ascii_case("## What it does"))
        .skip(1)
        .skip_while(|l| l.is_empty());
    let mut para = Vec::new();
    for l in lines.by_ref() {
        if l.is_empty() || l.starts_with('#') {
            break;
        }
        para.push(l);
    }
    (!para.is_empty()).then(|| para.join(" "))
}

fn result<'a>(d: &'a Diagnostic, rules: &[RuleRef]) -> SarifResult<'a> {
    // `rule_codes` gives every code with a finding a descriptor.
    let rule_index = rules.iter().position(|r| r.code() == d.code).unwrap_or(0);
    // A finding's own help is not in the rule's help page, and viewers show only the
    // message next to the line, so it goes into the message.
    let text = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let locations = vec![match &d.location {
        Some(l) => Location {
            physical_location: Some(PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri_path(&l.path),
                    uri_base_id: SRCROOT,
                },
                region: l.span.filter(|s| s.start.line >= 1).map(|s| {
                    let has_end = s.end > s.start;
                    Region {
                        start_line: s.start.line,
                        start_column: s.start.column(),
                        end_line: has_end.then_some(s.end.line),
                        end_column: has_end.then(|| s.end.column()),
                    }
                }),
            }),
            logical_locations: Vec::new(),
        },
        // A finding about the repository as a whole, with no file to point at: GitHub
        // code scanning requires a location all the same.
        None => Location {
            physical_location: None,
            logical_locations: vec![LogicalLocation {
                name: "repository",
                kind: "module",
            }],
        },
    }];
    SarifResult {
        rule_id: d.code,
        rule_index,
        level: level(d.severity),
        message: Text { text },
        locations,
        partial_fingerprints: Fingerprints {
            finding_hash: d.fingerprint(),
        },
        baseline_state: None,
        properties: match (d.kind, &d.id) {
            (Some(kind), Some(id)) => Some(ResultProperties {
                record_kind: kind.as_str(),
                record_id: id,
            }),
            _ => None,
        },
    }
}

/// A relative path as a URI reference: every byte outside the unreserved set and `/` is
/// percent-encoded (Swedish file names, spaces, a `:` that would read as a scheme).
fn uri_path(path: &str) -> String {
    let mut s = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_path_percent_encodes_outside_the_unreserved_set() {
        assert_eq!(
            uri_path("policies/riktlinjer-dataskydd.yaml"),
            "policies/riktlinjer-dataskydd.yaml"
        );
        assert_eq!(
            uri_path("enheter/Överförmyndare nämnd.yaml"),
            "enheter/%C3%96verf%C3%B6rmyndare%20n%C3%A4mnd.yaml"
        );
        assert_eq!(uri_path("c:x%"), "c%3Ax%25");
    }

    #[test]
    fn pascal_case_joins_kebab_words() {
        assert_eq!(pascal_case("stale-document"), "StaleDocument");
        assert_eq!(pascal_case("no-ciso"), "NoCiso");
    }

    #[test]
    fn what_it_does_takes_the_first_paragraph() {
        let doc = " ## What it does\n Finds old\n documents.\n\n ## Why it matters\n x\n";
        assert_eq!(what_it_does(doc).as_deref(), Some("Finds old documents."));
        assert_eq!(what_it_does(" no headings\n"), None);
    }
}
