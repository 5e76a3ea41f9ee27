//! `isms trend` and the management review's "development over the year" (`--trend`): the
//! key figures and gap counts at a series of points in time, each computed by the same
//! functions as the review's own figures ([`management::key_figures`], [`gaps::all`]) from
//! the records as they were at that point.
//!
//! Which records belong to which point is the command's business (`cli::trend` reads them
//! from git); here each point arrives as an [`Input`] with its as-of date, and leaves as
//! plain numbers, so that the records of one point can be dropped before the next is read.

use serde::Serialize;

use super::charts::{self, Chart};
use super::compare::change_text;
use super::facts::Input;
use super::gaps;
use super::management;
use crate::config::Language;

/// How far apart the points of a series are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Month,
    Quarter,
}

impl Every {
    pub fn months(self) -> i32 {
        match self {
            Every::Month => 1,
            Every::Quarter => 3,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Every::Month => "month",
            Every::Quarter => "quarter",
        }
    }
}

/// Where a point's records came from.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// The revision as given (`--rev v2025`), none for a point found by date.
    pub rev: Option<String>,
    /// The commit the records were read at; none for the work tree.
    pub commit: Option<String>,
    /// The commit's committer date.
    pub commit_date: Option<String>,
}

/// One point of the series: where its records came from, and its figures.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    /// The date the figures are computed for (`--as-of` of that point).
    pub date: String,
    pub rev: Option<String>,
    /// Null for the work tree.
    pub commit: Option<String>,
    pub short_commit: Option<String>,
    pub commit_date: Option<String>,
    /// Records read, invalid ones included.
    pub records: usize,
    /// Records with errors, left out of the figures (as in every report).
    pub record_problems: usize,
    pub key_figures: Vec<Figure>,
    pub gaps: GapCounts,
}

/// One key figure at one point.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub key: String,
    pub name: String,
    /// The share (0–1, null when nothing is in scope) or the count.
    pub value: Option<f64>,
    pub text: String,
    /// Whether it is a share (an audit question's key figure) rather than a count.
    #[serde(skip)]
    share: bool,
}

/// The findings at one point, by severity and by area of the catalogue.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GapCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub areas: Vec<AreaCount>,
}

/// The findings of one area at one point.
#[derive(Debug, Clone, Serialize)]
pub struct AreaCount {
    pub area: String,
    pub title: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The figures of the records of one point.
pub fn point(input: &Input<'_>, origin: Origin) -> Point {
    let (total, areas) = gaps::tally(&input.findings);
    let key_figures = management::key_figures_with(input, total)
        .into_iter()
        .map(|k| Figure {
            share: k.question.is_some(),
            key: k.key,
            name: k.name,
            value: k.value,
            text: k.value_text,
        })
        .collect();
    let gaps = GapCounts {
        errors: total.errors,
        warnings: total.warnings,
        infos: total.infos,
        areas: areas
            .into_iter()
            .map(|(area, n)| AreaCount {
                area: gaps::area_key(area),
                title: area.title(input.lang).to_owned(),
                errors: n.errors,
                warnings: n.warnings,
                infos: n.infos,
            })
            .collect(),
    };
    Point {
        date: input.as_of.to_string(),
        short_commit: origin
            .commit
            .as_deref()
            .map(|c| crate::git::short_id(c).to_owned()),
        rev: origin.rev,
        commit: origin.commit,
        commit_date: origin.commit_date,
        records: input.repo.record_count(),
        record_problems: input.record_problems,
        key_figures,
        gaps,
    }
}

/// The series: each point, and the same figures as rows over the points.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    /// `month` or `quarter` for a series by date; null for `--rev` lists.
    pub every: Option<&'static str>,
    pub points: Vec<Point>,
    /// One row per figure: key figures, then findings by severity, then by area.
    pub rows: Vec<Row>,
    /// The errors at each point, as bars.
    pub chart: Option<Chart>,
}

/// One figure over the points.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub key: String,
    /// `key_figure`, `severity` or `area`.
    pub group: &'static str,
    pub name: String,
    /// The value at each point, in the points' order (null where it has none).
    pub values: Vec<Option<f64>>,
    /// The values as printed.
    pub texts: Vec<String>,
    /// From the first point to the last (`+3`, `-12 p.e.`).
    pub change_text: String,
}

/// The series of `points` (oldest first), as rows.
pub fn assemble(points: Vec<Point>, every: Option<Every>, lang: Language) -> Trend {
    let mut rows = Vec::new();
    // Key figures in the order of the latest point that has them; errors and warnings are
    // the rows by severity below.
    let mut keys: Vec<(&str, &str, bool)> = Vec::new();
    for p in points.iter().rev() {
        for k in &p.key_figures {
            if k.key != "errors"
                && k.key != "warnings"
                && !keys.iter().any(|(key, ..)| *key == k.key)
            {
                keys.push((&k.key, &k.name, k.share));
            }
        }
    }
    for (key, name, share) in keys {
        let found: Vec<Option<&Figure>> = points
            .iter()
            .map(|p| p.key_figures.iter().find(|k| k.key == key))
            .collect();
        rows.push(row(
            key,
            "key_figure",
            name,
            found.iter().map(|f| f.and_then(|f| f.value)).collect(),
            found
                .iter()
                .map(|f| f.map_or_else(|| "–".to_owned(), |f| f.text.clone()))
                .collect(),
            share,
            lang,
        ));
    }
    /// A severity's row: key, Swedish and English name, and its count at a point.
    type Severity = (
        &'static str,
        &'static str,
        &'static str,
        fn(&GapCounts) -> usize,
    );
    let severities: [Severity; 3] = [
        ("errors", "Brister", "Gaps (errors)", |g| g.errors),
        ("warnings", "Anmärkningar", "Gaps (warnings)", |g| {
            g.warnings
        }),
        ("infos", "Upplysningar", "Gaps (infos)", |g| g.infos),
    ];
    for (key, sv, en, count) in severities {
        let values: Vec<usize> = points.iter().map(|p| count(&p.gaps)).collect();
        rows.push(counts(key, "severity", lang.pick(sv, en), &values, lang));
    }
    let mut areas: Vec<(&str, &str)> = Vec::new();
    for p in points.iter().rev() {
        for a in &p.gaps.areas {
            if !areas.iter().any(|(code, _)| *code == a.area) {
                areas.push((&a.area, &a.title));
            }
        }
    }
    // Catalogue order, as the review's gap list.
    areas.sort_by_key(|(code, _)| {
        let area = crate::rules::Area::of(code);
        (area.is_none(), area)
    });
    for (code, title) in areas {
        let values: Vec<usize> = points
            .iter()
            .map(|p| {
                p.gaps
                    .areas
                    .iter()
                    .find(|a| a.area == code)
                    .map_or(0, |a| a.errors + a.warnings + a.infos)
            })
            .collect();
        rows.push(counts(
            &format!("area.{code}"),
            "area",
            &format!("{title} ({code})"),
            &values,
            lang,
        ));
    }
    let bars: Vec<(String, u64)> = points
        .iter()
        .map(|p| (p.date.clone(), p.gaps.errors as u64))
        .collect();
    let chart = charts::bars(
        lang.pick("Brister vid varje tidpunkt", "Gaps (errors) at each point"),
        lang.pick("Brister", "Errors"),
        &bars,
        0,
    );
    Trend {
        every: every.map(Every::name),
        points,
        rows,
        chart,
    }
}

fn counts(key: &str, group: &'static str, name: &str, values: &[usize], lang: Language) -> Row {
    row(
        key,
        group,
        name,
        values.iter().map(|n| Some(*n as f64)).collect(),
        values.iter().map(usize::to_string).collect(),
        false,
        lang,
    )
}

fn row(
    key: &str,
    group: &'static str,
    name: &str,
    values: Vec<Option<f64>>,
    texts: Vec<String>,
    share: bool,
    lang: Language,
) -> Row {
    let change = match (values.first(), values.last()) {
        (Some(first), Some(last)) if values.len() > 1 => change_text(*last, *first, share, lang),
        _ => "–".to_owned(),
    };
    Row {
        key: key.to_owned(),
        group,
        name: name.to_owned(),
        values,
        texts,
        change_text: change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, errors: usize, share: Option<f64>, areas: &[(&str, usize)]) -> Point {
        Point {
            date: date.to_owned(),
            rev: None,
            commit: None,
            short_commit: None,
            commit_date: None,
            records: 10,
            record_problems: 0,
            key_figures: vec![Figure {
                key: "q1".into(),
                name: "Klassade".into(),
                value: share,
                text: share.map_or("–".into(), |s| format!("{:.0} %", s * 100.0)),
                share: true,
            }],
            gaps: GapCounts {
                errors,
                warnings: 1,
                infos: 0,
                areas: areas
                    .iter()
                    .map(|(a, n)| AreaCount {
                        area: (*a).into(),
                        title: format!("T{a}"),
                        errors: *n,
                        warnings: 0,
                        infos: 0,
                    })
                    .collect(),
            },
        }
    }

    /// Rows follow the points, an area missing at a point counts zero there, and the change
    /// is from the first point to the last.
    #[test]
    fn rows_hold_each_figure_over_the_points() {
        let t = assemble(
            vec![
                at("2026-01-01", 5, Some(0.5), &[("CLS", 5)]),
                at("2026-04-01", 3, None, &[("DOC", 3)]),
                at("2026-07-01", 2, Some(0.75), &[("CLS", 1), ("DOC", 1)]),
            ],
            Some(Every::Quarter),
            Language::Sv,
        );
        let row = |k: &str| t.rows.iter().find(|r| r.key == k).expect(k);
        assert_eq!(row("q1").texts, ["50 %", "–", "75 %"]);
        assert_eq!(row("q1").change_text, "+25 p.e.");
        assert_eq!(row("errors").values, [Some(5.0), Some(3.0), Some(2.0)]);
        assert_eq!(row("errors").change_text, "-3");
        assert_eq!(row("area.CLS").texts, ["5", "0", "1"]);
        assert_eq!(row("area.DOC").texts, ["0", "3", "1"]);
        assert_eq!(row("warnings").change_text, "±0");
        let keys: Vec<&str> = t.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys[..4], ["q1", "errors", "warnings", "infos"]);
        let area = |k: &str| crate::rules::Area::of(k).expect("an area");
        let expected = if area("CLS") < area("DOC") {
            ["area.CLS", "area.DOC"]
        } else {
            ["area.DOC", "area.CLS"]
        };
        assert_eq!(keys[4..], expected);
        assert!(t.chart.is_some());
    }
}
