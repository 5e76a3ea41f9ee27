//! The reports' charts (pie, bars over months or units, the plan's timeline) as data, and
//! their Mermaid source.
//!
//! A [`Chart`] holds what is drawn; the Markdown reports and `--format json` carry its
//! Mermaid text (without the ```` ```mermaid ```` fence), and the board papers draw the same
//! data as SVG (`svg.rs`). Each constructor returns `None` when there is nothing to draw.
//! Labels come from records, so the Mermaid text is cleaned of what would end a label, a
//! line or the surrounding code fence.

use std::fmt::Write as _;

use serde::{Serialize, Serializer};

use crate::model::Date;

/// A chart: what it draws, and its Mermaid source, which is what it serialises as.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub kind: ChartKind,
    mermaid: String,
}

/// What a chart draws. Slices and bars keep their order; zero slices are already left out.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartKind {
    Pie {
        slices: Vec<(String, u64)>,
    },
    /// Vertical bars of whole numbers; `y_max` is at least the largest value and at least 1.
    Bars {
        y_title: String,
        bars: Vec<(String, u64)>,
        y_max: u64,
    },
    /// Tasks grouped by section in the order given; every end is on or after its start.
    Gantt {
        tasks: Vec<Task>,
    },
}

impl Chart {
    /// The Mermaid source, without its fence.
    pub fn mermaid(&self) -> &str {
        &self.mermaid
    }

    /// A timeline grows with its tasks and is read row by row, so a board paper gives it
    /// the page's height; a pie or bars are a figure beside the text's numbers.
    pub fn is_timeline(&self) -> bool {
        matches!(self.kind, ChartKind::Gantt { .. })
    }
}

impl Serialize for Chart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.mermaid)
    }
}

/// A record text made safe for a Mermaid label: one line, no quotes, semicolons, hashes
/// (entity syntax), braces, angle brackets (HTML) or backticks (the Markdown fence), and
/// colons written as the entity `#58;`.
pub fn label(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '"' | '`' => '\'',
            '<' => '‹',
            '>' => '›',
            ';' | '#' | '{' | '}' => ' ',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        })
        .collect();
    // A colon would end a gantt task's name; Mermaid's entity code shows one. The record
    // text cannot write an entity of its own: its `#` and `;` are gone above.
    mapped
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(':', "#58;")
}

/// The words Mermaid reads as a gantt directive at the start of a line (its lexer ignores
/// case): a task named after one would rewrite the chart or break it.
const GANTT_KEYWORDS: [&str; 16] = [
    "accdescr",
    "acctitle",
    "axisformat",
    "click",
    "dateformat",
    "displaymode",
    "excludes",
    "inclusiveenddates",
    "includes",
    "section",
    "tickinterval",
    "title",
    "todaymarker",
    "topaxis",
    "weekday",
    "weekend",
];

/// A gantt task's name: a [`label`], whose first word, when Mermaid would read it as a
/// directive (an activity with the id `title` or `dateFormat`), is set in ‹ › so that the
/// line stays a task.
pub fn task_name(text: &str) -> String {
    let name = label(text);
    let first = name.split([' ', '#']).next().unwrap_or("");
    if GANTT_KEYWORDS.contains(&first.to_ascii_lowercase().as_str()) {
        format!("‹{first}›{}", &name[first.len()..])
    } else {
        name
    }
}

/// A pie chart; slices with a zero value are left out.
pub fn pie(title: &str, slices: &[(String, u64)]) -> Option<Chart> {
    let slices: Vec<(String, u64)> = slices.iter().filter(|(_, n)| *n > 0).cloned().collect();
    if slices.is_empty() {
        return None;
    }
    let mut s = format!("pie showData\n    title {}\n", label(title));
    for (name, n) in &slices {
        let _ = writeln!(s, "    \"{}\" : {n}", label(name));
    }
    Some(Chart {
        title: title.to_owned(),
        kind: ChartKind::Pie { slices },
        mermaid: s.trim_end().to_owned(),
    })
}

/// A vertical bar chart of whole numbers, `y_max` at least the largest value.
pub fn bars(title: &str, y_title: &str, bars: &[(String, u64)], y_max: u64) -> Option<Chart> {
    if bars.is_empty() {
        return None;
    }
    let top = bars
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(y_max)
        .max(1);
    let xs: Vec<String> = bars
        .iter()
        .map(|(name, _)| format!("\"{}\"", label(name)))
        .collect();
    let ys: Vec<String> = bars.iter().map(|(_, n)| n.to_string()).collect();
    let mermaid = format!(
        "xychart-beta\n    title \"{}\"\n    x-axis [{}]\n    y-axis \"{}\" 0 --> {top}\n    bar [{}]",
        label(title),
        xs.join(", "),
        label(y_title),
        ys.join(", ")
    );
    Some(Chart {
        title: title.to_owned(),
        kind: ChartKind::Bars {
            y_title: y_title.to_owned(),
            bars: bars.to_vec(),
            y_max: top,
        },
        mermaid,
    })
}

/// How a gantt task is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskState {
    Done,
    Active,
    Late,
    Planned,
}

/// One bar of a gantt chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub section: String,
    pub name: String,
    pub start: Date,
    pub end: Date,
    pub state: TaskState,
}

/// A gantt chart with tasks grouped by section, in the order given. The "today" marker
/// is switched off: the report is as of a date, not as of the day a reader opens it.
pub fn gantt(title: &str, tasks: &[Task]) -> Option<Chart> {
    if tasks.is_empty() {
        return None;
    }
    let mut s = format!(
        "gantt\n    title {}\n    dateFormat YYYY-MM-DD\n    axisFormat %Y-%m\n    todayMarker off\n",
        label(title)
    );
    let mut section: Option<&str> = None;
    for (i, t) in tasks.iter().enumerate() {
        if section != Some(t.section.as_str()) {
            let _ = writeln!(s, "    section {}", label(&t.section));
            section = Some(&t.section);
        }
        let tag = match t.state {
            TaskState::Done => "done, ",
            TaskState::Active => "active, ",
            TaskState::Late => "crit, ",
            TaskState::Planned => "",
        };
        // A due date before the start would draw nothing; such a task gets one day.
        let end = if t.end < t.start { t.start } else { t.end };
        let _ = writeln!(
            s,
            "    {} :{tag}t{}, {}, {}",
            task_name(&t.name),
            i + 1,
            t.start,
            end.plus_days(1)
        );
    }
    Some(Chart {
        title: title.to_owned(),
        kind: ChartKind::Gantt {
            tasks: tasks
                .iter()
                .map(|t| Task {
                    end: t.end.max(t.start),
                    ..t.clone()
                })
                .collect(),
        },
        mermaid: s.trim_end().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_break_out() {
        assert_eq!(label("a: \"b\"\n`c` #d <e>"), "a#58; 'b' 'c' d ‹e›");
        assert_eq!(label("#58; x"), "58 x", "a record cannot write an entity");
    }

    #[test]
    fn task_names_cannot_become_directives() {
        for id in [
            "title",
            "dateFormat",
            "SECTION",
            "excludes",
            "includes",
            "todayMarker",
            "click",
            "weekday",
        ] {
            let chart = gantt(
                "Plan",
                &[Task {
                    section: "Mål".into(),
                    name: format!("{id} Byt brandvägg"),
                    start: Date::parse("2026-01-01").unwrap(),
                    end: Date::parse("2026-03-01").unwrap(),
                    state: TaskState::Planned,
                }],
            )
            .unwrap();
            let chart = chart.mermaid();
            let task = chart.lines().last().unwrap().trim_start();
            assert!(task.starts_with('‹'), "{id}: {task}");
            assert_eq!(
                chart
                    .lines()
                    .filter(|l| l.trim_start().to_ascii_lowercase().starts_with("title"))
                    .count(),
                1
            );
        }
        assert_eq!(task_name("act-1 Byt brandvägg"), "act-1 Byt brandvägg");
    }

    #[test]
    fn empty_charts_are_left_out() {
        assert!(pie("x", &[("a".into(), 0)]).is_none());
        assert!(bars("x", "y", &[], 0).is_none());
        assert!(gantt("x", &[]).is_none());
    }

    #[test]
    fn pie_source() {
        let p = pie("Typ", &[("IT".into(), 2), ("Övrigt".into(), 0)]).unwrap();
        assert_eq!(p.mermaid(), "pie showData\n    title Typ\n    \"IT\" : 2");
    }
}
