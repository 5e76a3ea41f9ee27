//! The management review's one-page summary says what its sections and the rules say, and
//! its appendices are numbered in order and referred to by the numbers they carry.

use std::collections::BTreeSet;

use isms::config::Language;
use isms::report::{self, Input, Which};
use serde_json::Value;

use crate::support::{PROVKOMMUN, each_example_check, overlay};

const DATES: [&str; 2] = ["2026-11-28", "2024-11-12"];

fn proposals(m: &Value) -> Vec<(String, u64)> {
    m["summary"]["proposals"]
        .as_array()
        .expect("proposals")
        .iter()
        .map(|p| {
            (
                p["key"].as_str().expect("key").to_owned(),
                p["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

#[test]
fn the_summary_agrees_with_the_rules_and_the_sections() {
    each_example_check(&DATES, |repo, session, as_of, result| {
        let name = format!("{repo} as of {as_of}");
        let codes: Vec<&str> = result.findings.iter().map(|d| d.code).collect();
        let input = Input::with_findings(&session, as_of, Language::Sv, result.findings.clone());
        let m = report::data(&input, &Which::Management).expect("data");
        let p = proposals(&m);
        let keys: Vec<&str> = p.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys.first(), Some(&"approve_review"), "{name}");
        assert_eq!(keys.last(), Some(&"next_plan"), "{name}");
        assert_eq!(
            p.last().map(|(_, n)| *n),
            Some(u64::from(as_of.year().unsigned_abs()) + 1),
            "{name}"
        );
        assert_eq!(
            keys.contains(&"approve_cybersecurity_measures"),
            codes.contains(&"NIS004"),
            "{name}: the approval is proposed exactly when NIS004 reports it missing"
        );
        let untreated = codes.iter().filter(|c| **c == "CLS004").count() as u64;
        let treat = p.iter().find(|(k, _)| k == "treat_risks").map(|(_, n)| *n);
        assert_eq!(treat.unwrap_or(0), untreated, "{name}: CLS004's risks");
        let without_activity = m["audit_findings"]
            .as_array()
            .expect("audit findings")
            .iter()
            .filter(|f| f["activities"].as_array().is_some_and(Vec::is_empty))
            .count() as u64;
        let audit = p
            .iter()
            .find(|(k, _)| k == "audit_findings")
            .map(|(_, n)| *n);
        assert_eq!(audit.unwrap_or(0), without_activity, "{name}");

        let errors: Vec<&Value> = m["gaps"]["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .flat_map(|a| a["findings"].as_array().expect("findings"))
            .filter(|f| f["severity"] == "error")
            .collect();
        let serious = m["summary"]["serious"].as_array().expect("serious");
        assert_eq!(serious.len(), errors.len().min(5), "{name}");
        for f in serious {
            assert!(errors.contains(&f), "{name}: {f} is an error of the gaps");
        }
        let areas = |findings: &mut dyn Iterator<Item = &Value>| -> BTreeSet<String> {
            findings
                .map(|f| {
                    let code = f["code"].as_str().expect("code");
                    code.trim_end_matches(char::is_numeric).to_owned()
                })
                .collect()
        };
        let areas_with_errors = areas(&mut errors.iter().copied());
        let serious_areas = areas(&mut serious.iter());
        assert_eq!(
            serious_areas.len(),
            areas_with_errors.len().min(5),
            "{name}: one error of each area before a second of any"
        );
        let figures = m["key_figures"].as_array().expect("key figures");
        let with_target = figures.iter().filter(|k| !k["reached"].is_null()).count();
        let reached = figures.iter().filter(|k| k["reached"] == true).count();
        assert_eq!(m["summary"]["with_target"], with_target, "{name}");
        assert_eq!(m["summary"]["reached"], reached, "{name}");
    });
}

/// The numbers of the appendix headings, and the numbers the text refers to.
fn appendices(markdown: &str, word: &str) -> (Vec<u32>, BTreeSet<u32>) {
    let headings = markdown
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("## {word} ")))
        .map(|rest| {
            rest.split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a number")
        })
        .collect();
    let lower = word.to_lowercase();
    let referred = markdown
        .split(|c: char| c.is_whitespace())
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0] == lower || w[0] == word)
        .filter_map(|w| w[1].trim_end_matches(['.', ',', ';']).parse().ok())
        .collect();
    (headings, referred)
}

#[test]
fn appendices_are_numbered_in_order_and_exist_where_referred_to() {
    for (lang, word) in [("sv", "Bilaga"), ("en", "Appendix")] {
        let toml = format!("organisation = \"Provkommun\"\nlanguage = \"{lang}\"\n");
        // A small repository: findings, but no plan, no incident, no evaluation.
        let small = overlay(&PROVKOMMUN, &[("isms.toml", &toml)]);
        let out = small.isms(&["report", "management", "--as-of", "2026-11-28"]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let (headings, referred) = appendices(&out.stdout, word);
        assert_eq!(headings, [1], "{lang}: only the findings:\n{}", out.stdout);
        assert!(
            referred.iter().all(|n| headings.contains(n)),
            "{lang}: {referred:?}"
        );

        let example = crate::support::TempRepo::example();
        example.replace(
            "isms.toml",
            "language = \"sv\"",
            &format!("language = \"{lang}\""),
        );
        let out = example.isms(&["report", "management", "--as-of", "2026-11-28"]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let (headings, referred) = appendices(&out.stdout, word);
        assert_eq!(headings, [1, 2, 3, 4, 5], "{lang}");
        assert_eq!(referred, headings.iter().copied().collect(), "{lang}");
        let main_part = &out.stdout[..out
            .stdout
            .find(&format!("## {word} 1"))
            .expect("appendix 1")];
        for code in ["DOC001", "ORG001"] {
            assert!(
                !main_part.contains(code),
                "{lang}: rule codes belong in the appendix, not the main part"
            );
        }
    }
}
