//! The reports, `isms due` and the rules agree on steering documents (DOC), technical
//! measures (SEC), continuity (BCM), follow-up (FUP) and cloud services (CLD): on both
//! example repositories and several dates, every figure that stands for a rule counts
//! exactly the records the rule reports.
//!
//! A waiver silences a finding, not the fact behind it: a key figure still counts a waived
//! record as falling short. The rule's side is therefore its findings and its waived
//! findings together.

use std::collections::BTreeSet;

use isms::cli::due::{Window, deadlines};
use isms::config::Language;
use isms::diagnostic::Severity;
use isms::model::{Date, Kind};
use isms::repo::session::Session;
use isms::report::{self, Input, Which};
use serde_json::Value;

use crate::support::each_example_check;

const DATES: [&str; 3] = ["2024-11-12", "2025-09-30", "2026-11-28"];

/// One repository as of one date: its findings (waived ones included) and report data.
struct Case {
    name: String,
    session: Session,
    as_of: Date,
    findings: Vec<(String, Option<String>, Severity)>,
}

impl Case {
    fn each(mut test: impl FnMut(&Case)) {
        each_example_check(&DATES, |repo, session, as_of, result| {
            let findings = result
                .findings
                .iter()
                .chain(&result.waived)
                .map(|d| (d.code.to_owned(), d.id.clone(), d.severity))
                .collect();
            test(&Case {
                name: format!("{repo} as of {as_of}"),
                session,
                as_of,
                findings,
            });
        });
    }

    fn data(&self, which: &Which) -> Value {
        let input = Input::new(&self.session, self.as_of, Language::En);
        report::data(&input, which).expect("report data")
    }

    /// How many findings of `code`.
    fn count(&self, code: &str) -> usize {
        self.findings.iter().filter(|f| f.0 == code).count()
    }

    /// The records the findings of any of `codes` are about.
    fn ids(&self, codes: &[&str]) -> BTreeSet<String> {
        self.findings
            .iter()
            .filter(|f| codes.contains(&f.0.as_str()))
            .filter_map(|f| f.1.clone())
            .collect()
    }
}

/// The evidence of audit question `number`: (id, ok) per item.
fn evidence(audit: &Value, number: u64) -> Vec<(String, bool)> {
    let question = audit["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .find(|q| q["number"] == number)
        .expect("the question");
    question["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .map(|e| {
            (
                e["id"].as_str().expect("id").to_owned(),
                e["ok"].as_bool().expect("ok"),
            )
        })
        .collect()
}

fn short(items: &[(String, bool)]) -> BTreeSet<String> {
    items
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(id, _)| id.clone())
        .collect()
}

#[test]
fn audit_questions_count_what_the_rules_report() {
    // The examples must give the comparison something to compare.
    let mut seen = BTreeSet::new();
    Case::each(|c| {
        for code in [
            "FUP003", "SEC002", "SEC005", "FUP001", "FUP002", "CLD001", "CLD002", "CLD003",
        ] {
            if c.count(code) > 0 {
                seen.insert(code);
            }
        }
        let audit = c.data(&Which::Audit);
        let n = &c.name;
        // 1: a required type with no adopted document (no id) is a DOC002 finding.
        let q1 = evidence(&audit, 1);
        let missing = q1.iter().filter(|(id, _)| id.is_empty()).count();
        assert_eq!(missing, c.count("DOC002"), "{n}: question 1 and DOC002");
        // 5: a unit not followed up is a FUP003 finding.
        let q5 = evidence(&audit, 5);
        assert_eq!(short(&q5), c.ids(&["FUP003"]), "{n}: question 5 and FUP003");
        // 7: an implemented measure not verified in time is a SEC002 finding.
        let q7 = evidence(&audit, 7);
        assert_eq!(short(&q7), c.ids(&["SEC002"]), "{n}: question 7 and SEC002");
        // 8: SEC005 reports once when any detection capability falls short.
        let q8 = evidence(&audit, 8);
        assert!(c.count("SEC005") <= 1, "{n}");
        assert_eq!(
            q8.iter().any(|(_, ok)| !ok),
            c.count("SEC005") == 1,
            "{n}: question 8 and SEC005"
        );
        // 11: the management review to the board (FUP001) and the audit (FUP002).
        let q11 = evidence(&audit, 11);
        assert_eq!(q11.len(), 2, "{n}");
        assert_eq!(
            !q11[0].1,
            c.count("FUP001") == 1,
            "{n}: question 11 and FUP001"
        );
        assert_eq!(
            !q11[1].1,
            c.count("FUP002") == 1,
            "{n}: question 11 and FUP002"
        );
        // 12: a cloud service falls short exactly when CLD001–CLD003 report it.
        let q12 = evidence(&audit, 12);
        let cloud: BTreeSet<String> = q12.iter().map(|(id, _)| id.clone()).collect();
        let reported: BTreeSet<String> = c
            .ids(&["CLD001", "CLD002", "CLD003"])
            .intersection(&cloud)
            .cloned()
            .collect();
        assert_eq!(short(&q12), reported, "{n}: question 12 and CLD001–CLD003");
        assert_eq!(
            short(&q12).len(),
            reported.len(),
            "{n}: question 12's count and CLD001–CLD003"
        );
    });
    for code in ["FUP003", "SEC002", "CLD001", "CLD002", "CLD003"] {
        assert!(seen.contains(code), "no example case has a {code} finding");
    }
}

/// Question 10 counts critical assets covered by a plan BCM002 does not report; an asset
/// BCM001 reports has no plan at all.
#[test]
fn continuity_figures_follow_bcm001_and_bcm002() {
    Case::each(|c| {
        let n = &c.name;
        let audit = c.data(&Which::Audit);
        let unplanned = c.ids(&["BCM001"]);
        let unexercised = c.ids(&["BCM002"]);
        for (asset, ok) in evidence(&audit, 10) {
            let plans: Vec<&str> = c
                .session
                .repo
                .continuity_plans
                .iter()
                .filter(|p| p.exists_on(c.as_of))
                .filter(|p| p.assets.iter().any(|a| a.eq_ignore_ascii_case(&asset)))
                .map(|p| p.id.as_str())
                .collect();
            assert_eq!(
                unplanned.contains(&asset),
                plans.is_empty(),
                "{n}: `{asset}` and BCM001"
            );
            let exercised = plans.iter().any(|p| !unexercised.contains(*p));
            assert_eq!(ok, exercised, "{n}: `{asset}` in question 10 and BCM002");
        }
        // The unit pages mark a plan exercised exactly when BCM002 does not report it.
        for unit in &c.session.repo.units {
            let page = c.data(&Which::Unit(unit.id.clone()));
            for row in page["continuity"].as_array().expect("continuity") {
                let plan = row["id"].as_str().expect("id");
                assert_eq!(
                    row["exercised"].as_bool(),
                    Some(!unexercised.contains(plan)),
                    "{n}: plan `{plan}` on the page of `{}`",
                    unit.id
                );
            }
        }
    });
}

/// The management review marks an audit recommendation past due exactly when FUP004
/// reports it as an error, and lists every finding FUP004 reports.
#[test]
fn management_review_follows_fup004() {
    Case::each(|c| {
        let n = &c.name;
        let review = c.data(&Which::Management);
        let rows = review["audit_findings"].as_array().expect("audit findings");
        let past_due = rows.iter().filter(|r| r["past_due"] == true).count();
        let errors = c
            .findings
            .iter()
            .filter(|f| f.0 == "FUP004" && f.2 == Severity::Error)
            .count();
        assert_eq!(past_due, errors, "{n}: past-due recommendations and FUP004");
        let listed: BTreeSet<String> = rows
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_owned())
            .collect();
        assert!(
            c.ids(&["FUP004"]).is_subset(&listed),
            "{n}: FUP004's findings among the open recommendations"
        );
    });
}

/// `isms due`: a policy review, a verification or an exercise is due on or before the as-of
/// date exactly when DOC001, SEC002 or BCM002 reports the record.
#[test]
fn due_dates_are_the_days_the_rules_start_to_report() {
    Case::each(|c| {
        let n = &c.name;
        let list = deadlines(&c.session, c.as_of, Window::Months(60));
        for (kind, whats, code) in [
            (Kind::Policy, &["review", "max-age"][..], "DOC001"),
            (Kind::Measure, &["verification"][..], "SEC002"),
            (Kind::ContinuityPlan, &["exercise"][..], "BCM002"),
        ] {
            let reported = c.ids(&[code]);
            let of_kind = list
                .iter()
                .filter(|d| d.kind == kind && whats.contains(&d.what.as_str()));
            for d in of_kind {
                if d.date <= c.as_of {
                    assert!(
                        reported.contains(&d.id),
                        "{n}: `{}` due {}, no {code}",
                        d.id,
                        d.date
                    );
                } else if d.what != "max-age" {
                    // A record's first deadline (a policy's review comes before its maximum
                    // age) still ahead: the rule is silent about it.
                    assert!(
                        !reported.contains(&d.id),
                        "{n}: `{}` due {}, {code}",
                        d.id,
                        d.date
                    );
                }
            }
        }
    });
}
