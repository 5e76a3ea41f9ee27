//! The gap rules: their catalogue, the context they read and the sink they report to.
//!
//! One rule is one file; its doc comment is its documentation (`isms explain`), and the
//! catalogue (`isms rules`) is read from the rules as declared. To add a rule:
//!
//! 1. `src/rules/<area>/<rule_name>.rs`: the type, its doc comment (`## What it does`,
//!    `## Why it matters`, `## Example`, `## How to fix`, `## References`), code, kebab-case
//!    name, default severity and summary in one `declare_rule!`, then
//!    `impl Rule for RuleName { fn check(..) }`, reporting through the [`Sink`].
//! 2. `src/rules/<area>/mod.rs`: the line `rule_name::RuleName,` in the area's
//!    `area_rules!` list, at the rule's place in the catalogue.
//! 3. `tests/fixtures/rules/<CODE>/`: a small repository whose records must fire (marked
//!    `# expect: CODE`) and must not; `tests/it/rule_fixtures.rs` runs it.
//!
//! `tests/it/catalogue.rs` checks the catalogue against the specification's table of
//! rules (`SPEC`), so a rule the specification does not list yet fails it until its row
//! is added there.
//!
//! A new area is a row of the `areas!` table below, its folder with an `area_rules!` list,
//! and its goal texts in `report/plan/proposals.rs` (whose matches on [`Area`] then fail to
//! compile).

mod page;

use std::sync::Arc;

use jiff::tz::TimeZone;
use rayon::prelude::*;

use crate::config::{Config, RuleLevel};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::{Place, Source};
use crate::model::*;
use crate::registry::Registry;
use crate::repo::derived::Derived;
use crate::repo::{Rec, Repository};

/// Declares the areas of the catalogue: each area's module, the prefix of its codes and its
/// title in English and Swedish, one row per area in the order of the spec.
macro_rules! areas {
    ($($area:ident($module:ident): $prefix:literal, $title:literal, $title_sv:literal;)*) => {
        $(pub mod $module;)*

        /// The areas of the catalogue, in the order of the spec.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum Area {
            $(#[serde(rename = $prefix)] $area,)*
        }

        impl Area {
            /// Every area, in catalogue order.
            pub const ALL: &[Area] = &[$(Area::$area),*];

            /// The prefix of the area's codes: `DOC` for DOC001.
            pub fn prefix(self) -> &'static str {
                match self { $(Area::$area => $prefix,)* }
            }

            /// The area's title in `lang`.
            pub fn title(self, lang: crate::config::Language) -> &'static str {
                match self { $(Area::$area => lang.pick($title_sv, $title),)* }
            }

            /// The area's rules, in catalogue order.
            pub fn rules(self) -> &'static [&'static dyn Rule] {
                match self { $(Area::$area => $module::RULES,)* }
            }
        }

        /// The rules' Swedish documentation, one file per area: each rule's page after a
        /// `# CODE` line (the English is the rule's doc comment).
        pub const DOCS_SV: &[crate::l10n::Source] = &[$(crate::l10n::Source {
            name: concat!("src/rules/", stringify!($module), "/sv.md"),
            text: include_str!(concat!(stringify!($module), "/sv.md")),
        },)*];

        /// The rules' messages, area by area: the Swedish files, then the English.
        pub const MESSAGES: [&[crate::l10n::Source]; 2] = [
            &[$(crate::l10n::Source {
                name: concat!("src/rules/", stringify!($module), "/sv.ftl"),
                text: include_str!(concat!(stringify!($module), "/sv.ftl")),
            },)*],
            &[$(crate::l10n::Source {
                name: concat!("src/rules/", stringify!($module), "/en.ftl"),
                text: include_str!(concat!(stringify!($module), "/en.ftl")),
            },)*],
        ];
    };
}

/// The rules' messages in both languages, read once.
pub fn messages() -> &'static crate::l10n::Catalogue {
    static CATALOGUE: crate::l10n::Catalogue =
        crate::l10n::Catalogue::new(MESSAGES[0], MESSAGES[1]);
    &CATALOGUE
}

areas! {
    Doc(doc): "DOC", "Steering documents", "Styrdokument";
    Org(org): "ORG", "Organisation", "Organisation";
    Plan(plan): "PLAN", "Goals and action plan", "Mål och handlingsplan";
    Cul(cul): "CUL", "Security culture", "Säkerhetskultur";
    Cls(cls): "CLS", "Risk analysis and classification", "Riskanalys och informationsklassning";
    Sec(sec): "SEC", "Technical measures and evaluation", "Tekniska åtgärder och utvärdering";
    Inc(inc): "INC", "Incidents", "Incidenter";
    Bcm(bcm): "BCM", "Continuity", "Kontinuitet";
    Fup(fup): "FUP", "Follow-up", "Uppföljning";
    Cld(cld): "CLD", "Cloud services", "Molntjänster";
    Frm(frm): "FRM", "Frameworks", "Ramverk";
    Nis(nis): "NIS", "Cybersecurity law", "Cybersäkerhetslagen";
    Sup(sup): "SUP", "Suppliers", "Leverantörer";
    Rec(rec): "REC", "Record hygiene", "Posternas kvalitet";
}

impl Area {
    /// The area of a code by its prefix (`DOC001` → Doc).
    pub fn of(code: &str) -> Option<Area> {
        let prefix = code.split(|c: char| !c.is_ascii_alphabetic()).next();
        Area::ALL
            .iter()
            .copied()
            .find(|a| Some(a.prefix()) == prefix)
    }
}

/// What the catalogue knows of a rule.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// The rule's doc comment: What it does / Why it matters / Example / How to fix / References.
    pub doc: &'static str,
}

impl RuleMeta {
    pub fn area(&self) -> Area {
        Area::of(self.code).unwrap_or(Area::Rec)
    }
}

/// A rule's catalogue entry, implemented by `declare_rule!` so that a rule file states
/// its metadata once.
pub trait Declared {
    fn meta(&self) -> &'static RuleMeta;
}

/// A gap rule: its check, and through [`Declared`] its catalogue entry.
pub trait Rule: Declared + Sync {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>);

    /// Whether the rule reports the problems met reading the records (REC001–REC003,
    /// through [`Sink::unwaivable`]). `isms.toml` can change such a rule's severity but
    /// not turn it off: the records concerned are left out of every other rule, and
    /// nothing may hide that.
    fn reports_record_problems(&self) -> bool {
        false
    }
}

/// Declares a rule type and its catalogue entry from its doc comment.
///
/// The first doc paragraph's first line is the summary; the whole comment is what
/// `isms explain` prints.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            name: $kebab:literal,
            severity: $sev:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $kebab,
                severity: $crate::diagnostic::Severity::$sev,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
            };
        }

        impl $crate::rules::Declared for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
        }
    };
}
pub(crate) use declare_rule;

/// Declares an area's rule modules, re-exports their types and lists them as the area's
/// `RULES`, in catalogue order: one `module::Type` line per rule.
macro_rules! area_rules {
    ($($module:ident::$rule:ident),* $(,)?) => {
        $(mod $module;)*
        $(pub use $module::$rule;)*

        /// The rules of this area, in catalogue order.
        pub static RULES: &[&dyn $crate::rules::Rule] = &[$(&$rule),*];
    };
}
pub(crate) use area_rules;

/// Everything a rule may read. Time is `as_of`; no rule reads the clock.
pub struct Context<'a> {
    pub repo: &'a Repository,
    pub config: &'a Config,
    pub derived: &'a Derived,
    pub registry: &'static Registry,
    pub as_of: Date,
    pub tz: TimeZone,
    /// Whether the findings' messages are said: not for figures that only count findings
    /// (a trend's points), which read their data alone.
    pub say: bool,
    /// The state of each framework a rule has asked for, worked out once (FRM003 and NIS003
    /// both read NIS2's article 21), and the registers all frameworks count as evidence.
    pub frameworks: FrameworkStates<'a>,
    /// The continuity plans covering each asset ([`bcm::plans_by_asset`]), made once for
    /// BCM001 and BCM003.
    pub plans_by_asset: std::sync::OnceLock<Vec<Vec<usize>>>,
}

/// The framework states of one context, by framework id: each slot is found under the
/// lock and filled outside it, so that two frameworks are worked out side by side and one
/// framework only once.
#[derive(Default)]
pub struct FrameworkStates<'a> {
    slots: std::sync::Mutex<Vec<(String, Arc<FrameworkSlot<'a>>)>>,
    /// The registers every framework counts as evidence, counted once for all.
    registers: std::sync::OnceLock<frm::Registers>,
}

type FrameworkSlot<'a> = std::sync::OnceLock<Option<Arc<frm::FrameworkState<'a>>>>;

impl<'a> Context<'a> {
    /// What the rules read of `repo` as of a date: the configured time zone, the embedded
    /// reference data. `check` and the reports build theirs here, so both judge alike.
    pub fn new(
        repo: &'a Repository,
        config: &'a Config,
        derived: &'a Derived,
        as_of: Date,
    ) -> Context<'a> {
        Context {
            repo,
            config,
            derived,
            registry: crate::registry::registry(),
            as_of,
            tz: config.tz(),
            say: true,
            frameworks: FrameworkStates::default(),
            plans_by_asset: std::sync::OnceLock::new(),
        }
    }

    /// The state of framework `id` as of the date ([`frm::framework_state`]), worked out
    /// the first time a rule asks for it; none for a framework the registry does not hold.
    pub fn framework_state(&self, id: &str) -> Option<Arc<frm::FrameworkState<'a>>> {
        let slot = {
            let mut slots = crate::util::lock(&self.frameworks.slots);
            match slots.iter().find(|(f, _)| f == id) {
                Some((_, slot)) => slot.clone(),
                None => {
                    let slot = Arc::new(FrameworkSlot::new());
                    slots.push((id.to_owned(), slot.clone()));
                    slot
                }
            }
        };
        slot.get_or_init(|| frm::framework_state(self, id).map(Arc::new))
            .clone()
    }

    /// The registers every framework counts as evidence ([`frm::registers`]), counted the
    /// first time a framework's state asks for them.
    pub fn framework_registers(&self) -> &frm::Registers {
        self.frameworks
            .registers
            .get_or_init(|| frm::registers(self))
    }

    /// The continuity plans covering each asset on the as-of date, by the asset's place
    /// ([`bcm::plans_by_asset`]), made the first time a rule asks.
    pub fn plans_by_asset(&self) -> &[Vec<usize>] {
        self.plans_by_asset
            .get_or_init(|| bcm::plans_by_asset(self.repo, self.as_of))
    }

    /// The start of "the last N months": the window is (as_of - N months, as_of].
    pub fn months_ago(&self, months: u32) -> Date {
        self.as_of.minus_months(months as i32)
    }

    /// Whether `date` lies in the last `months` months: after as_of - months, up to as_of.
    pub fn within_months(&self, date: Date, months: u32) -> bool {
        date > self.months_ago(months) && date <= self.as_of
    }

    /// Units that take part in the security work: committees, companies, federations
    /// (the board and departments are covered through them).
    pub fn member_units(&self) -> impl Iterator<Item = &Rec<Unit>> {
        member_units(self.repo)
    }

    /// Where repository-wide findings point: the organisation record when there is one,
    /// else `isms.toml`, else nowhere.
    pub fn repo_location(
        &self,
    ) -> Option<(std::sync::Arc<str>, Option<crate::source::span::Span>)> {
        if let Some(o) = self.repo.organisation.first() {
            return Some((o.src.path.clone(), Some(o.src.value("/kind"))));
        }
        self.repo.config_file.clone().map(|p| (p, None))
    }
}

/// Units that take part in the security work: committees, companies, federations (the
/// board and departments are covered through them). The rules and the reports count the
/// same units.
pub fn member_units(repo: &Repository) -> impl Iterator<Item = &Rec<Unit>> {
    repo.units.iter().filter(|u| {
        matches!(
            u.unit_type,
            UnitType::Committee | UnitType::Company | UnitType::Federation
        )
    })
}

/// Collects one rule's findings, stamping its code and the configured severity, and
/// setting aside findings that a valid waiver silences.
pub struct Sink<'a> {
    meta: &'static RuleMeta,
    as_of: Date,
    repo_location: Option<(std::sync::Arc<str>, Option<crate::source::span::Span>)>,
    found: Vec<Diagnostic>,
    waived: Vec<Diagnostic>,
    /// Repository-wide findings are waived by a waiver on the organisation record.
    global_waived: bool,
    /// The language the findings' messages are said in; none when they are not said.
    lang: Option<crate::config::Language>,
    _cx: std::marker::PhantomData<&'a ()>,
}

impl<'a> Sink<'a> {
    pub fn new(meta: &'static RuleMeta, cx: &Context<'a>) -> Sink<'a> {
        Sink {
            meta,
            as_of: cx.as_of,
            repo_location: cx.repo_location(),
            found: Vec::new(),
            waived: Vec::new(),
            global_waived: cx.repo.organisation.first().is_some_and(|o| {
                o.waivers
                    .iter()
                    .any(|w| w.rule.eq_ignore_ascii_case(meta.code) && w.until >= cx.as_of)
            }),
            lang: cx.say.then_some(cx.config.language),
            _cx: std::marker::PhantomData,
        }
    }

    /// A finding about `rec`, at the key of the field at `pointer` (`""` for the record).
    /// Its message is the rule's template (or the one [`Diagnostic::says`] names), filled
    /// from the values given with [`Diagnostic::arg`] when the rule is done.
    pub fn record<T: Record>(&mut self, rec: &Rec<T>, pointer: &str) -> &mut Diagnostic {
        self.record_source(&*rec.r, &rec.src, pointer)
    }

    /// Like [`Sink::record`], for a finding that also concerns another record (`also`:
    /// the unit whose figures a training record holds): a waiver on either silences it.
    pub fn record_also<T: Record, U: Record>(
        &mut self,
        rec: &Rec<T>,
        also: Option<&U>,
        pointer: &str,
    ) -> &mut Diagnostic {
        let waived = also.is_some_and(|u| self.waives(u.waivers()));
        self.push_about(&*rec.r, &rec.src, pointer, waived)
    }

    /// Like [`Sink::record`], for a record whose source is given separately.
    pub fn record_source<T: Record + ?Sized>(
        &mut self,
        r: &T,
        src: &Source,
        pointer: &str,
    ) -> &mut Diagnostic {
        self.push_about(r, src, pointer, false)
    }

    /// A finding about the repository as a whole (no single record): it points at the
    /// organisation record when there is one, and a waiver there silences it.
    pub fn repository(&mut self) -> &mut Diagnostic {
        let mut d = self.finding();
        if let Some((path, span)) = &self.repo_location {
            d = d.at(path.clone(), *span);
        }
        let waived = self.global_waived;
        self.keep(d, waived)
    }

    /// A finding about a problem met reading the records, which no waiver silences: the
    /// record concerned may not have been read, its waivers with it.
    pub fn problem(&mut self, place: &Place) -> &mut Diagnostic {
        let mut d = self.finding().at(place.path.clone(), place.span);
        d.kind = place.kind;
        d.id = place.id.clone();
        self.keep(d, false)
    }

    /// A finding at an explicit place (a file without a record, e.g. `isms.toml`).
    pub fn file(
        &mut self,
        path: std::sync::Arc<str>,
        span: Option<crate::source::span::Span>,
    ) -> &mut Diagnostic {
        let d = self.finding().at(path, span);
        self.keep(d, false)
    }

    /// Whether `waivers` hold one of this rule valid on the as-of date.
    fn waives(&self, waivers: &[Waiver]) -> bool {
        waivers
            .iter()
            .any(|w| w.rule.eq_ignore_ascii_case(self.meta.code) && w.until >= self.as_of)
    }

    /// A new finding of this rule, said through its own template; only counted when the
    /// context says no message.
    fn finding(&self) -> Diagnostic {
        let mut d = Diagnostic::templated(self.meta.code, self.meta.severity, self.meta.code);
        d.counted = self.lang.is_none();
        d
    }

    fn push_about<T: Record + ?Sized>(
        &mut self,
        r: &T,
        src: &Source,
        pointer: &str,
        waived_elsewhere: bool,
    ) -> &mut Diagnostic {
        let span = if pointer.is_empty() {
            src.value("/id")
        } else {
            src.key(pointer)
        };
        let d = self
            .finding()
            .at(src.path.clone(), Some(span))
            .about(r.kind(), r.id());
        let waived = waived_elsewhere || self.waives(r.waivers());
        self.keep(d, waived)
    }

    /// Files `d` with the findings, or with the waived ones.
    fn keep(&mut self, d: Diagnostic, waived: bool) -> &mut Diagnostic {
        let list = if waived {
            &mut self.waived
        } else {
            &mut self.found
        };
        list.push(d);
        list.last_mut().expect("just pushed")
    }

    /// The findings and the waived ones, their messages said in the run's language (when
    /// the context says them).
    pub fn into_parts(mut self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        if let Some(lang) = self.lang {
            let catalogue = messages();
            for d in self.found.iter_mut().chain(self.waived.iter_mut()) {
                say(catalogue, lang, d);
            }
        }
        (self.found, self.waived)
    }
}

/// Fills a templated finding's message and help from its figures, in `lang`. A template
/// missing from the catalogue shows as its id (the catalogue tests rule that out); a help
/// that selects an empty text is no help.
pub fn say(catalogue: &crate::l10n::Catalogue, lang: crate::config::Language, d: &mut Diagnostic) {
    if d.template.is_empty() {
        return;
    }
    match catalogue.say(lang, d.template, &d.figures, &implicit_args(d)) {
        Some((message, help)) => {
            d.message = message;
            if help.is_some() {
                d.help = help;
            }
        }
        None => d.message = d.template.to_owned(),
    }
}

/// The values every template of a finding gets besides its figures: `id` (its record's
/// id) and `subject`, when the finding has them.
fn implicit_args(d: &Diagnostic) -> Vec<(&'static str, &str)> {
    let mut extra = Vec::with_capacity(2);
    if let Some(id) = &d.id {
        extra.push(("id", id.as_str()));
    }
    if let Some(subject) = &d.subject {
        extra.push(("subject", subject.as_str()));
    }
    extra
}

/// What a finding's template may name: its figures, `id` and `subject`.
pub fn template_args(d: &Diagnostic) -> crate::l10n::Args {
    let mut args = d.figures.clone();
    args.extend(implicit_args(d).into_iter().map(|(n, v)| (n, v.into())));
    args
}

/// Every rule, in catalogue order: the areas' rules, area by area.
pub fn all() -> Vec<&'static dyn Rule> {
    Area::ALL.iter().flat_map(|a| a.rules()).copied().collect()
}

/// Finds a rule by code or kebab-case name, ignoring case.
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    all().into_iter().find(|r| {
        r.meta().code.eq_ignore_ascii_case(code_or_name)
            || r.meta().name.eq_ignore_ascii_case(code_or_name)
    })
}

/// Which rules run: `--select`/`--ignore` codes or prefixes, and `isms.toml [rules]`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    fn matches(pattern: &str, code: &str) -> bool {
        let p = pattern.trim();
        !p.is_empty() && code.to_uppercase().starts_with(&p.to_uppercase())
    }

    /// Whether findings of `code` are wanted (REC codes follow the same selection).
    pub fn wants(&self, code: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|p| Self::matches(p, code)))
            && !self.ignore.iter().any(|p| Self::matches(p, code))
    }

    /// Patterns that match no rule at all: a typo in `--select` must not pass silently.
    pub fn unknown_patterns(&self) -> Vec<String> {
        let codes: Vec<&str> = all().iter().map(|r| r.meta().code).collect();
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|p| !codes.iter().any(|c| Self::matches(p, c)))
            .cloned()
            .collect()
    }
}

/// What running the rules found.
pub struct RulesRun {
    /// The rules' findings, in no particular order: `check::check` sorts them once.
    pub findings: Vec<Diagnostic>,
    /// Findings silenced by a valid waiver (for reports that show them).
    pub waived: Vec<Diagnostic>,
}

/// Runs every selected, enabled rule. Rules run in parallel; the waived findings are
/// sorted, and the findings are left for the caller to sort, so that neither depends on
/// the thread count.
pub fn run(cx: &Context<'_>, selection: &Selection) -> RulesRun {
    let rules: Vec<&'static dyn Rule> = all()
        .into_iter()
        .filter(|r| selection.wants(r.meta().code))
        .filter(|r| {
            r.reports_record_problems()
                || cx.config.rules.get(r.meta().code) != Some(&RuleLevel::Off)
        })
        .collect();
    let parts: Vec<(Vec<Diagnostic>, Vec<Diagnostic>)> = rules
        .par_iter()
        .map(|rule| {
            let mut sink = Sink::new(rule.meta(), cx);
            rule.check(cx, &mut sink);
            sink.into_parts()
        })
        .collect();
    // Sized once: tens of thousands of findings would otherwise be copied at every doubling.
    let mut findings = Vec::with_capacity(parts.iter().map(|(f, _)| f.len()).sum());
    let mut waived = Vec::with_capacity(parts.iter().map(|(_, w)| w.len()).sum());
    for (f, w) in parts {
        findings.extend(f);
        waived.extend(w);
    }
    for d in findings.iter_mut().chain(waived.iter_mut()) {
        apply_level(cx.config, d);
    }
    crate::diagnostic::sort(&mut waived);
    RulesRun { findings, waived }
}

/// Applies `isms.toml [rules]` severity overrides to a finding (REC findings included).
pub fn apply_level(config: &Config, d: &mut Diagnostic) {
    if let Some(RuleLevel::Severity(s)) = config.rules.get(d.code) {
        d.severity = *s;
    }
}

/// Formats a share as a whole percentage, `48 %` (the Swedish and SI style; reports
/// format per language).
pub fn percent(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

/// "1 year" / "3 years".
pub fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Helpers for rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use std::collections::HashMap;

    use crate::diagnostic::Severity;
    use crate::model::Date;
    use crate::repo::session::Session;
    use crate::rules::Selection;

    /// The severity of each finding of `code` on the fixture `tests/fixtures/rules/<code>`,
    /// by record id: the fixture harness checks where findings point, not how severe they are.
    pub fn fixture_severities(code: &str, as_of: &str) -> HashMap<String, Severity> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(code);
        let session = Session::open(&root).expect("fixture");
        let selection = Selection {
            select: vec![code.into()],
            ignore: Vec::new(),
        };
        let result = crate::check::check(&session, Date::parse(as_of).expect("date"), &selection);
        result
            .findings
            .iter()
            .filter(|d| d.code == code)
            .filter_map(|d| Some((d.id.clone()?, d.severity)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Area;

    #[test]
    fn each_area_lists_only_rules_of_its_prefix() {
        for &area in Area::ALL {
            for rule in area.rules() {
                assert_eq!(
                    Area::of(rule.meta().code),
                    Some(area),
                    "{}",
                    rule.meta().code
                );
            }
        }
        assert_eq!(Area::of("PLAN001"), Some(Area::Plan));
        assert_eq!(Area::of("PL001"), None);
        assert_eq!(Area::of(""), None);
    }

    /// A framework's state is worked out once for a context, and is the state
    /// `frm::framework_state` works out; a framework no catalogue holds has none.
    #[test]
    fn a_context_works_out_each_framework_once() {
        let session = crate::repo::Session::example("sjobacka");
        let as_of = crate::model::Date::parse("2026-11-28").expect("date");
        let derived = super::Derived::compute(&session.repo, as_of);
        let cx = super::Context::new(&session.repo, &session.config, &derived, as_of);
        let first = cx.framework_state(super::nis::ART21).expect("article 21");
        let again = cx.framework_state(super::nis::ART21).expect("article 21");
        assert!(std::sync::Arc::ptr_eq(&first, &again));
        let fresh = super::frm::framework_state(&cx, super::nis::ART21).expect("article 21");
        assert_eq!(
            format!("{:?}", first.controls),
            format!("{:?}", fresh.controls)
        );
        assert!(first.controls.iter().any(|c| !c.evidence.is_empty()));
        assert!(cx.framework_state("no-such-framework").is_none());
    }
}
