//! `isms trend`: the key figures and gap counts at a series of points in time, read from
//! git, as a table, JSON, CSV or Markdown with a chart; and the plan of such a series that
//! `isms report management --trend` shares.
//!
//! A series by date (`--since`, `--every`) takes, for each point, the last commit of the
//! current branch's first-parent line made before that day, and computes its figures as of
//! that day; its last point is the work tree as of `--as-of`. A series of revisions
//! (`--rev`) computes each as of its commit's date. Every revision is listed before any is
//! read; each after the first is filed from the one read before it, which gives it the
//! files the two share, and one cache ([`FileCache::planned`]) parses each other file once
//! for each content it had and gives it up after the last point that needs it; the points
//! are computed one at a time and only their figures are kept.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use clap::ValueEnum;

use super::export::{BOM, Separator, csv_cell, csv_line};
use super::{Clock, Common, Needs};
use crate::config::{self, Config, Language};
use crate::git::{self, Snapshot};
use crate::load::FileCache;
use crate::model::Date;
use crate::repo::session::Session;
use crate::report::facts::Input;
use crate::report::trend::{self, Every, Origin, Point, Trend};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// The first point [default: the first start of a month or quarter in the twelve months before --as-of]
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with = "rev")]
    since: Option<String>,
    /// How far apart the points are
    #[arg(long, value_enum, default_value = "quarter")]
    every: EveryArg,
    /// The records at this revision (a commit, tag or branch) instead of points by date; repeat for more, oldest first
    #[arg(long, value_name = "REV")]
    rev: Vec<String>,
    /// table (the terminal), json, csv or markdown (a table and a Mermaid chart)
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// The CSV field separator [default: `;` in Swedish, `,` in English]
    #[arg(long, value_enum)]
    csv_separator: Option<Separator>,
    /// Write to FILE instead of standard output (never a .yaml/.yml file)
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `--every` on the command line.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EveryArg {
    Month,
    Quarter,
}

impl From<EveryArg> for Every {
    fn from(e: EveryArg) -> Every {
        match e {
            EveryArg::Month => Every::Month,
            EveryArg::Quarter => Every::Quarter,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

/// How the points of a series are chosen.
pub enum By {
    /// From `since` (or the default start) to the as-of date, `every` apart.
    Dates { since: Option<Date>, every: Every },
    /// At these revisions, in this order.
    Revs(Vec<String>),
}

/// One point to compute: the date its figures are for and where its records are.
pub struct Planned {
    pub date: Date,
    pub origin: Origin,
    /// The revision's files; none for the work tree.
    pub snapshot: Option<Snapshot>,
}

/// A series planned: its points, oldest first, and the cache their revisions share.
pub struct Plan {
    pub points: Vec<Planned>,
    pub cache: FileCache,
    pub every: Option<Every>,
}

/// The first start of a month (or quarter) on or after `day`.
fn period_start_from(day: Date, every: Every) -> Date {
    let mut d = day;
    if d.0.day() != 1 {
        d = Date::new(d.year(), d.0.month(), 1)
            .unwrap_or(d)
            .plus_months(1);
    }
    while (d.0.month() - 1) % (every.months() as i8) != 0 {
        d = d.plus_months(1);
    }
    d
}

/// The dates of a series by date: `since` (default: the first period start in the twelve
/// months before `as_of`), then one period apart, each before `as_of`.
pub fn dates(since: Option<Date>, every: Every, as_of: Date) -> Vec<Date> {
    let since = since.unwrap_or_else(|| period_start_from(as_of.minus_months(12), every));
    (0..)
        .map(|k: i32| since.plus_months(k.saturating_mul(every.months())))
        .take_while(|d| *d < as_of)
        .collect()
}

/// The root and as-of date a command will open, read before the records are: the series is
/// listed first, so that loading the work tree can keep what the revisions share.
fn root_and_date(common: &Common, clock: Clock) -> Result<(PathBuf, Date)> {
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    let root = config::find_root(common.repo.as_deref(), &cwd);
    // A folder that is no repository is refused as every command refuses it, before git
    // is asked about it: a folder without `isms.toml` is opened first (that is rare, and a
    // repository of records alone is then read twice).
    if !root.join(config::FILE_NAME).is_file() {
        drop(super::open(common, Needs::Findings, clock)?);
    }
    let (config, _) = Config::read(&root)?;
    Ok((root, clock.as_of(common.as_of.as_deref(), &config)?))
}

/// Lists the points of a series and the files of each revision. `flag` starts the error
/// messages (`--since`, `--rev`, `--trend`); `seeded` says whether the work tree's files
/// will seed the plan's cache.
fn plan(common: &Common, clock: Clock, by: By, flag: &str, seeded: bool) -> Result<Plan> {
    let (root, as_of) = root_and_date(common, clock)?;
    let mut points = Vec::new();
    let mut skipped = None;
    let every = match by {
        By::Dates { since, every } => {
            if let Some(s) = since
                && s >= as_of
            {
                anyhow::bail!("{flag}: {s} is not before the as-of date {as_of}");
            }
            let line = git::first_parent_line(&root, flag)?;
            // Newest first: the first commit made before the day is the state then.
            let mut dated = Vec::new();
            for date in dates(since, every, as_of) {
                let day = date.to_string();
                match line.iter().find(|c| c.date < day) {
                    Some(c) => dated.push((date, c)),
                    None => skipped = skipped.or(Some(date)),
                }
            }
            let ids: Vec<&str> = dated.iter().map(|(_, c)| c.id.as_str()).collect();
            let snapshots = Snapshot::read_all(&root, &ids, flag)?;
            for ((date, c), snapshot) in dated.into_iter().zip(snapshots) {
                points.push(Planned {
                    date,
                    origin: Origin {
                        rev: None,
                        commit: Some(c.id.clone()),
                        commit_date: Some(c.date.clone()),
                    },
                    snapshot: Some(snapshot),
                });
            }
            points.push(Planned {
                date: as_of,
                origin: Origin::default(),
                snapshot: None,
            });
            Some(every)
        }
        By::Revs(revs) => {
            let names: Vec<&str> = revs.iter().map(String::as_str).collect();
            let snapshots = Snapshot::read_all(&root, &names, flag)?;
            for (rev, snapshot) in revs.into_iter().zip(snapshots) {
                let date = Date::parse(&snapshot.date).map_or(as_of, |d| d.min(as_of));
                points.push(Planned {
                    date,
                    origin: Origin {
                        rev: Some(rev),
                        commit: Some(snapshot.commit.clone()),
                        commit_date: Some(snapshot.date.clone()),
                    },
                    snapshot: Some(snapshot),
                });
            }
            None
        }
    };
    // In the order `Plan::points` reads them: the newest first.
    let trees: Vec<&[crate::load::TreeFile]> = points
        .iter()
        .rev()
        .filter_map(|p| p.snapshot.as_ref().map(Snapshot::files))
        .collect();
    let cache = FileCache::planned(&trees, seeded);
    if let Some(first) = skipped {
        let mut note = format!(
            "note: no commit was made before {first}: the series starts at {}",
            points.first().map_or(as_of, |p| p.date)
        );
        if git::is_shallow(&root) {
            note.push_str(
                " (this clone is shallow: fetch the history with `fetch-depth: 0` in \
                 actions/checkout, `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`)",
            );
        }
        let _ = writeln!(std::io::stderr(), "{note}");
    }
    Ok(Plan {
        points,
        cache,
        every,
    })
}

/// Lists a series while the work tree is read, then gives the plan's cache the files of the
/// work tree that its revisions hold: what `isms trend` and `isms report --trend` open with.
/// A series of dates ends at the work tree (its point, the report's), and taking the files
/// it shares with the revisions costs less than reading them from git once it is read. A
/// series of named revisions has no work tree point: of the work tree, only `isms.toml` is
/// read then (its settings and language), when there is one.
pub fn plan_and_open(
    common: &Common,
    clock: Clock,
    by: By,
    flag: &str,
) -> Result<(Plan, Session, Date)> {
    // Revisions named one by one have no work tree point: its records would be read only
    // to hand the revisions the files they share, which costs more than git reading them.
    let settings = match by {
        By::Revs(_) => super::open_settings(common, clock).transpose(),
        By::Dates { .. } => None,
    };
    if let Some(settings) = settings {
        // The listing's error first, as when both are read side by side.
        let plan = plan(common, clock, by, flag, false)?;
        let (session, as_of) = settings?;
        return Ok((plan, session, as_of));
    }
    let (planned, opened) = std::thread::scope(|s| {
        let planning = s.spawn(|| plan(common, clock, by, flag, true));
        let opened = super::open_keeping(common, Needs::Findings, clock, true);
        (planning.join(), opened)
    });
    let plan = planned.map_err(|_| anyhow::anyhow!("{flag}: listing the revisions failed"))??;
    let (session, as_of, kept) = opened?;
    if let Some(kept) = kept {
        kept.seed(&plan.cache);
    }
    Ok((plan, session, as_of))
}

impl Plan {
    /// The figures of every point, oldest first: `work_tree` is the work tree's point (when
    /// the series has one), computed by the caller from the session it opened with this
    /// plan's cache. The revisions are read one at a time, the newest first, as the work
    /// tree shares most with it; the next is read while the figures of the one before are
    /// computed, so that at most two are held at once.
    pub fn points(&self, work_tree: Option<Point>, lang: Language) -> Result<Vec<Point>> {
        let mut out: Vec<Option<Point>> = vec![None; self.points.len()];
        out.iter_mut()
            .zip(&self.points)
            .filter(|(_, p)| p.snapshot.is_none())
            .for_each(|(o, _)| *o = work_tree.clone());
        let revisions: Vec<(usize, &Snapshot)> = self
            .points
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(i, p)| p.snapshot.as_ref().map(|s| (i, s)))
            .collect();
        std::thread::scope(|s| -> Result<()> {
            // A rendezvous: the reader hands a revision over only once the one before has
            // been computed.
            let (hand, take) = std::sync::mpsc::sync_channel::<(usize, Result<Arc<Session>>)>(0);
            // What a point is done with goes back to the reader, which frees it before it
            // reads the next revision: the points go on at once, freeing a revision's
            // records costs the reader's time, and no more than two revisions are held.
            let (give_back, given_back) = std::sync::mpsc::channel::<Spent>();
            s.spawn(move || {
                // Each revision is filed from the one read before it, which the points
                // share with the reader until the next is filed.
                let mut before: Option<Arc<Session>> = None;
                for (i, snapshot) in revisions {
                    given_back.try_iter().for_each(drop);
                    let opened = match &before {
                        Some(b) => snapshot.open_after(Some(&self.cache), b),
                        None => snapshot.open(Some(&self.cache)),
                    };
                    let session = opened
                        .map(|mut s| {
                            s.config.language = lang;
                            Arc::new(s)
                        })
                        .with_context(|| {
                            format!(
                                "cannot read the records at commit {}",
                                snapshot.short_commit()
                            )
                        });
                    before = session.as_ref().ok().cloned();
                    let failed = session.is_err();
                    if hand.send((i, session)).is_err() || failed {
                        break;
                    }
                }
                drop(before);
                drop(hand);
                super::drop_behind(given_back.iter().collect::<Vec<Spent>>());
            });
            for (i, session) in take {
                let session = session?;
                let p = &self.points[i];
                let mut input = Input::counted(&session, p.date, lang);
                out[i] = Some(trend::point(&input, p.origin.clone()));
                let findings = std::mem::take(&mut input.findings);
                drop(input);
                // Fails only when the reader has gone (it panicked): freed here then.
                let _ = give_back.send((session, findings));
            }
            drop(give_back);
            Ok(())
        })?;
        Ok(out.into_iter().flatten().collect())
    }
}

/// A revision a point is done with: its records and the point's findings.
type Spent = (Arc<Session>, Vec<crate::diagnostic::Diagnostic>);

/// The work tree's point of a series, from the session opened for it.
pub fn work_tree_point(session: &Session, as_of: Date, lang: Language) -> Point {
    let input = Input::counted(session, as_of, lang);
    trend::point(&input, Origin::default())
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    if let Some(path) = &args.output {
        crate::report::check_output_path(path)?;
    }
    if args.csv_separator.is_some() && args.format != Format::Csv {
        anyhow::bail!("--csv-separator applies to `--format csv` only");
    }
    let since = args
        .since
        .as_deref()
        .map(|d| Date::parse(d).map_err(|e| anyhow::anyhow!("--since: {e}")))
        .transpose()?;
    let by = if args.rev.is_empty() {
        By::Dates {
            since,
            every: args.every.into(),
        }
    } else {
        By::Revs(args.rev.clone())
    };
    let flag = if args.rev.is_empty() {
        "--since"
    } else {
        "--rev"
    };
    let (plan, session, as_of) = plan_and_open(&args.common, clock, by, flag)?;
    let has_work_tree = plan.points.iter().any(|p| p.snapshot.is_none());
    super::refuse_unread_settings(&session)?;
    let lang = session.config.language;
    let work_tree = has_work_tree.then(|| work_tree_point(&session, as_of, lang));
    // The work tree's records are of no more use: the revisions are read without them.
    super::drop_behind(session);
    let points = plan.points(work_tree, lang)?;
    let every = plan.every;
    super::drop_behind(plan);
    let trend = trend::assemble(points, every, lang);
    let text = match args.format {
        Format::Table => table(&trend, lang),
        Format::Json => json(&trend, as_of)?,
        Format::Csv => csv(
            &trend,
            Separator::or_language(args.csv_separator, lang),
            lang,
        ),
        Format::Markdown => markdown(&trend, lang),
    };
    match &args.output {
        Some(path) => super::output::write_output(path, &text)?,
        None => super::emit(&text)?,
    }
    Ok(0)
}

/// What a point's column is headed with: its date, and the commit or the work tree.
fn heading(p: &Point, lang: Language) -> String {
    match &p.short_commit {
        Some(c) => format!("{}\n{c}", p.date),
        None => format!("{}\n{}", p.date, lang.pick("(arbetskopian)", "(work tree)")),
    }
}

fn table(trend: &Trend, lang: Language) -> String {
    let mut t = super::table();
    let mut header = vec![lang.pick("Nyckeltal", "Figure").to_owned()];
    header.extend(trend.points.iter().map(|p| heading(p, lang)));
    header.push(lang.pick("Förändring", "Change").to_owned());
    t.set_header(header);
    for row in &trend.rows {
        let mut cells = vec![row.name.clone()];
        cells.extend(row.texts.iter().cloned());
        cells.push(row.change_text.clone());
        t.add_row(cells);
    }
    for column in 1..=trend.points.len() + 1 {
        if let Some(c) = t.column_mut(column) {
            c.set_cell_alignment(comfy_table::CellAlignment::Right);
        }
    }
    format!("{t}\n")
}

fn json(trend: &Trend, as_of: Date) -> Result<String> {
    #[derive(serde::Serialize)]
    struct Out<'t> {
        as_of: String,
        #[serde(flatten)]
        trend: &'t Trend,
    }
    let mut s = serde_json::to_string_pretty(&Out {
        as_of: as_of.to_string(),
        trend,
    })
    .context("cannot write JSON")?;
    s.push('\n');
    Ok(s)
}

/// One row per figure, one column per point (its date); values as numbers (shares as
/// fractions), empty where a point has none.
fn csv(trend: &Trend, separator: Separator, lang: Language) -> String {
    let mut out = String::new();
    out.push(BOM);
    let mut header = vec![
        "key".to_owned(),
        lang.pick("nyckeltal", "figure").to_owned(),
    ];
    header.extend(trend.points.iter().map(|p| p.date.clone()));
    out.push_str(&csv_line(header.iter().map(String::as_str), separator));
    for row in &trend.rows {
        let mut cells = vec![row.key.clone(), row.name.clone()];
        cells.extend(row.values.iter().map(|v| {
            // Counts as whole numbers (`3`, not `3.0`); `from` makes a NaN null.
            let v = v.map_or(serde_json::Value::Null, |x| {
                if x.fract() == 0.0 && x.abs() < 1e15 {
                    (x as i64).into()
                } else {
                    x.into()
                }
            });
            csv_cell(&v, separator)
        }));
        out.push_str(&csv_line(cells.iter().map(String::as_str), separator));
    }
    out
}

/// A Markdown table of the rows and the chart as a Mermaid block.
fn markdown(trend: &Trend, lang: Language) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}\n",
        lang.pick("Utveckling över tid", "Development over time")
    );
    let _ = write!(s, "| {} |", lang.pick("Nyckeltal", "Figure"));
    for p in &trend.points {
        let _ = write!(s, " {} |", p.date);
    }
    let _ = writeln!(s, " {} |", lang.pick("Förändring", "Change"));
    s.push_str("|---|");
    for _ in &trend.points {
        s.push_str("---:|");
    }
    s.push_str("---:|\n");
    for row in &trend.rows {
        let _ = write!(s, "| {} |", crate::report::markdown::escape(&row.name));
        for t in &row.texts {
            let _ = write!(s, " {} |", crate::report::markdown::escape(t));
        }
        let _ = writeln!(s, " {} |", row.change_text);
    }
    if let Some(chart) = &trend.chart {
        let _ = write!(s, "\n```mermaid\n{}\n```\n", chart.mermaid());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("a date")
    }

    fn shown(dates: Vec<Date>) -> Vec<String> {
        dates.into_iter().map(|d| d.to_string()).collect()
    }

    /// By default a series covers the year before the as-of date from the first period
    /// start in it; points fall on the as-of date's side only when before it.
    #[test]
    fn a_series_by_date_starts_at_a_period_start_in_the_last_year() {
        assert_eq!(
            shown(dates(None, Every::Quarter, d("2026-12-05"))),
            ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]
        );
        assert_eq!(
            shown(dates(None, Every::Quarter, d("2026-10-01"))),
            ["2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01"]
        );
        assert_eq!(dates(None, Every::Month, d("2026-12-05")).len(), 12);
        assert_eq!(
            shown(dates(
                Some(d("2025-02-15")),
                Every::Quarter,
                d("2025-12-01")
            )),
            ["2025-02-15", "2025-05-15", "2025-08-15", "2025-11-15"]
        );
        // Month ends are not carried forward: each point is counted from the start.
        assert_eq!(
            shown(dates(Some(d("2025-01-31")), Every::Month, d("2025-04-01"))),
            ["2025-01-31", "2025-02-28", "2025-03-31"]
        );
    }
}
