//! The statement of applicability, the cybersecurity-law report and the management review
//! agree with the rules on frameworks (FRM), the cybersecurity law (NIS), incident reports
//! (INC002) and suppliers (SUP, CLD001): on both example repositories and several dates,
//! every row that stands for a rule shows exactly what the rule reports.
//!
//! The control statuses and the management body's duties are the facts behind the rules
//! (`framework_state`, `nis::*`), so a waived finding still counts on the rule's side; a
//! supplier row's flags are the findings themselves, so there the rule's side is the
//! findings a run reports (waived ones are not flagged).

use std::collections::BTreeSet;

use isms::config::Language;
use isms::diagnostic::Diagnostic;
use isms::model::Date;
use isms::repo::session::Session;
use isms::report::{self, Input, Which};
use serde_json::Value;

use crate::support::each_example_check;

const DATES: [&str; 4] = ["2024-11-12", "2025-09-30", "2026-03-01", "2026-11-28"];

struct Case {
    name: String,
    session: Session,
    as_of: Date,
    /// The findings of the run (what the reports receive).
    reported: Vec<Diagnostic>,
    /// The findings and the waived ones: the facts the rules found.
    all: Vec<Diagnostic>,
}

impl Case {
    fn each(mut test: impl FnMut(&Case)) {
        each_example_check(&DATES, |repo, session, as_of, result| {
            let all = result
                .findings
                .iter()
                .chain(&result.waived)
                .cloned()
                .collect();
            test(&Case {
                name: format!("{repo} as of {as_of}"),
                reported: result.findings,
                all,
                session,
                as_of,
            });
        });
    }

    fn data(&self, which: &Which) -> Value {
        let input = Input::new(&self.session, self.as_of, Language::En);
        report::data(&input, which).expect("report data")
    }

    /// The subjects of the findings of `code`, facts included.
    fn subjects(&self, code: &str) -> BTreeSet<String> {
        self.all
            .iter()
            .filter(|d| d.code == code)
            .filter_map(|d| d.subject.clone())
            .collect()
    }

    fn fires(&self, code: &str) -> bool {
        self.all.iter().any(|d| d.code == code)
    }
}

fn rows(v: &Value) -> &Vec<Value> {
    v.as_array().expect("an array")
}

/// The soa report's missing controls are exactly FRM003's findings.
#[test]
fn soa_missing_controls_are_frm003() {
    let mut compared = 0;
    Case::each(|case| {
        if case.session.config.frameworks.is_empty() {
            return;
        }
        let soa = case.data(&Which::Soa(None));
        let mut missing = BTreeSet::new();
        for f in rows(&soa["frameworks"]) {
            let id = f["id"].as_str().expect("id");
            for c in rows(&f["controls"]) {
                if c["applicable"] == true && c["status"] == "missing" {
                    missing.insert(format!("control {id}:{}", c["id"].as_str().expect("id")));
                }
            }
            // The summary counts what the rows show.
            let count = |status: &str| {
                rows(&f["controls"])
                    .iter()
                    .filter(|c| c["applicable"] == true && c["status"] == status)
                    .count() as u64
            };
            for status in ["implemented", "partly", "planned", "missing"] {
                assert_eq!(f["overall"][status], count(status), "{}: {id}", case.name);
            }
        }
        assert_eq!(missing, case.subjects("FRM003"), "{}", case.name);
        compared += 1;
    });
    assert!(compared >= 4, "the examples declare frameworks");
}

/// The soa report's FRM findings for a framework are the run's FRM findings, and its
/// approval line says what FRM001 judges.
#[test]
fn soa_findings_and_approval_are_frm001_and_frm002() {
    Case::each(|case| {
        if case.session.config.frameworks.is_empty() {
            return;
        }
        let soa = case.data(&Which::Soa(None));
        let listed: usize = rows(&soa["frameworks"])
            .iter()
            .map(|f| rows(&f["findings"]).len())
            .sum();
        let frm = case
            .reported
            .iter()
            .filter(|d| d.code.starts_with("FRM"))
            .count();
        assert_eq!(listed, frm, "{}", case.name);
        for f in rows(&soa["frameworks"]) {
            let id = f["id"].as_str().expect("id");
            let s = &f["statement"];
            let approved =
                !s.is_null() && s["approved_by_management"] == true && s["expired"] == false;
            let frm001 = case.all.iter().any(|d| {
                d.code == "FRM001"
                    && matches!(d.figure("framework"), Some(isms::l10n::Value::Text(f)) if f == id)
            });
            assert_eq!(approved, !frm001, "{}: {id}", case.name);
        }
    });
}

/// The cybersecurity-law report's missing and planned measures are exactly NIS003's
/// findings, when the law applies; its management-body lines are NIS001, NIS002 and NIS004.
#[test]
fn nis2_measures_and_duties_are_the_nis_rules() {
    let mut applied = 0;
    Case::each(|case| {
        let nis2 = case.data(&Which::Nis2);
        let open: BTreeSet<String> = rows(&nis2["measures"]["rows"])
            .iter()
            .filter(|c| matches!(c["status"].as_str(), Some("missing" | "planned")))
            .map(|c| format!("control nis2-art21:{}", c["id"].as_str().expect("id")))
            .collect();
        if nis2["applies"] != true {
            for code in ["NIS001", "NIS002", "NIS003", "NIS004"] {
                assert!(!case.fires(code), "{}: {code} without the law", case.name);
            }
            return;
        }
        applied += 1;
        assert_eq!(open, case.subjects("NIS003"), "{}", case.name);
        let r = &nis2["registration"];
        let unregistered = r["registered"].is_null() && r["deadline_passed"] == true;
        assert_eq!(unregistered, case.fires("NIS001"), "{}", case.name);
        let m = &nis2["management_body"];
        assert_eq!(
            m["training"].is_null(),
            case.fires("NIS002"),
            "{}",
            case.name
        );
        assert_eq!(
            m["approval"].is_null(),
            case.fires("NIS004"),
            "{}",
            case.name
        );
        // The management review says the same in short.
        let review = case.data(&Which::Management);
        let cy = &review["cybersecurity"];
        assert_eq!(cy["measures"], nis2["measures"]["counts"], "{}", case.name);
        assert_eq!(
            cy["management_body"]["approval"], m["approval"],
            "{}",
            case.name
        );
        assert_eq!(
            cy["management_body"]["training"], m["training"],
            "{}",
            case.name
        );
        assert_eq!(
            cy["registration"]["registered"], r["registered"],
            "{}",
            case.name
        );
    });
    assert!(
        applied >= 2,
        "the law applies to the examples from 2026-01-15"
    );
}

/// A late or missing report in the cybersecurity-law report is an INC002 finding on that
/// incident, and every INC002 finding on a significant incident of the period is shown.
#[test]
fn nis2_incident_reports_are_inc002() {
    Case::each(|case| {
        let nis2 = case.data(&Which::Nis2);
        let Some(incidents) = nis2["incidents"].as_object() else {
            return;
        };
        let shown: BTreeSet<String> = rows(&incidents["rows"])
            .iter()
            .map(|i| i["id"].as_str().expect("id").to_owned())
            .collect();
        let short: BTreeSet<String> = rows(&incidents["rows"])
            .iter()
            .filter(|i| {
                rows(&i["stages"])
                    .iter()
                    .any(|s| matches!(s["state"].as_str(), Some("late" | "missing")))
            })
            .map(|i| i["id"].as_str().expect("id").to_owned())
            .collect();
        let inc002: BTreeSet<String> = case
            .all
            .iter()
            .filter(|d| d.code == "INC002")
            .filter_map(|d| d.id.clone())
            .filter(|id| shown.contains(id))
            .collect();
        assert_eq!(short, inc002, "{}", case.name);
    });
}

/// Each supplier row's flags are exactly the SUP and CLD001 findings on that supplier, and
/// the management review's framework lines are the soa report's counts.
#[test]
fn supplier_flags_are_the_sup_findings() {
    const FLAGS: [(&str, &str); 6] = [
        ("security_requirements", "SUP001"),
        ("assessment", "SUP002"),
        ("dpa", "SUP003"),
        ("notification", "SUP004"),
        ("exit_plan", "SUP005"),
        ("transfer", "CLD001"),
    ];
    let mut flagged = 0;
    Case::each(|case| {
        let nis2 = case.data(&Which::Nis2);
        let mut from_rows = BTreeSet::new();
        for r in rows(&nis2["suppliers"]["rows"]) {
            for (flag, code) in FLAGS {
                if r["flags"][flag] == true {
                    from_rows.insert((r["id"].as_str().expect("id").to_owned(), code));
                }
            }
        }
        let from_rules: BTreeSet<(String, &str)> = case
            .reported
            .iter()
            .filter(|d| d.kind == Some(isms::model::Kind::Supplier))
            .filter_map(|d| {
                let code = FLAGS.iter().find(|(_, c)| *c == d.code)?.1;
                Some((d.id.clone()?, code))
            })
            .collect();
        assert_eq!(from_rows, from_rules, "{}", case.name);
        flagged += from_rows.len();

        let review = case.data(&Which::Management);
        let lines = rows(&review["frameworks"]);
        assert_eq!(
            lines.len(),
            case.session.config.frameworks.len(),
            "{}",
            case.name
        );
        if !lines.is_empty() {
            let soa = case.data(&Which::Soa(None));
            for (line, f) in lines.iter().zip(rows(&soa["frameworks"])) {
                assert_eq!(line["id"], f["id"]);
                assert_eq!(
                    line["implemented"], f["overall"]["implemented"],
                    "{}",
                    case.name
                );
                assert_eq!(
                    line["applicable"], f["overall"]["applicable"],
                    "{}",
                    case.name
                );
            }
        }
    });
    assert!(flagged > 0, "the examples have supplier findings");
}
