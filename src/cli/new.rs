//! `isms new`: one record from its kind's template at its conventional path; never
//! overwrites a file. References come only from flags (`--asset`, `--unit`, `--plan`,
//! `--review`, `--parent`), checked against the repository; without one, a required
//! reference is left as a placeholder (`<tillgångens id>`) that `isms validate` asks to replace.

use anyhow::{Result, bail};

use super::scaffold::{SCHEMA_DIR, Values, new_template, schema_comment, write_new};
use super::{Clock, Common, Needs};
use crate::model::{Date, Kind};
use crate::repo::Repository;
use crate::repo::session::Session;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    /// The record kind: its name, plural or folder (asset, assets, continuity-plan, ...)
    kind: String,
    /// The new record's id
    id: String,
    /// The asset the record is about (classification, risk); repeat it for the assets of
    /// a continuity plan, an incident or an evaluation's scope
    #[arg(long, value_name = "ID")]
    asset: Vec<String>,
    /// The unit the record belongs to (asset, activity, risk, incident, continuity plan);
    /// repeat it for the units a review covers
    #[arg(long, value_name = "ID")]
    unit: Vec<String>,
    /// The action plan an activity belongs to
    #[arg(long, value_name = "ID")]
    plan: Vec<String>,
    /// The review a finding comes from (its `source`)
    #[arg(long, value_name = "ID", alias = "source")]
    review: Vec<String>,
    /// The parent unit of a unit
    #[arg(long, value_name = "ID")]
    parent: Vec<String>,
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    let kind = Kind::from_user(&args.kind).map_err(anyhow::Error::msg)?;
    check_id(&args.id)?;
    let given = [
        (Flag::Asset, args.asset),
        (Flag::Unit, args.unit),
        (Flag::Plan, args.plan),
        (Flag::Review, args.review),
        (Flag::Parent, args.parent),
    ];
    let (session, as_of) = super::open(&args.common, Needs::Write, clock)?;
    let refs = references(&session.repo, kind, &given)?;
    let path = new_record(&session, kind, &args.id, as_of, &refs)?;
    super::emit(&format!("{path}\n"))?;
    Ok(0)
}

/// A flag of `isms new` that names a record to refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    Asset,
    Unit,
    Plan,
    Review,
    Parent,
}

impl Flag {
    fn name(self) -> &'static str {
        match self {
            Flag::Asset => "asset",
            Flag::Unit => "unit",
            Flag::Plan => "plan",
            Flag::Review => "review",
            Flag::Parent => "parent",
        }
    }

    /// The kind of record the flag names.
    fn target(self) -> Kind {
        match self {
            Flag::Asset => Kind::Asset,
            Flag::Unit | Flag::Parent => Kind::Unit,
            Flag::Plan => Kind::Plan,
            Flag::Review => Kind::Review,
        }
    }

    /// What a required reference holds until it is written: a placeholder that
    /// `isms validate` reports (`load::placeholder`), in the templates' language.
    fn placeholder(self) -> &'static str {
        match self {
            Flag::Asset => "<tillgångens id>",
            Flag::Unit | Flag::Parent => "<enhetens id>",
            Flag::Plan => "<handlingsplanens id>",
            Flag::Review => "<granskningens id>",
        }
    }
}

/// A reference field of a kind's template (`{{field}}` in it) and the flag that fills it.
/// On a line of its own the field is required: without the flag it gets the flag's
/// placeholder, or is commented out when the flag of `unless` is given instead (a risk is
/// on an asset or on a unit). On a commented-out line it is optional: the flag uncomments it.
#[derive(Debug, Clone, Copy)]
struct Slot {
    field: &'static str,
    flag: Flag,
    /// A list of ids (`assets: [a, b]`): the flag may be repeated.
    many: bool,
    unless: Option<Flag>,
}

const fn slot(field: &'static str, flag: Flag) -> Slot {
    Slot {
        field,
        flag,
        many: false,
        unless: None,
    }
}

const fn list(field: &'static str, flag: Flag) -> Slot {
    Slot {
        many: true,
        ..slot(field, flag)
    }
}

/// The reference fields of each kind's `isms new` template.
fn slots(kind: Kind) -> &'static [Slot] {
    const UNIT: Slot = slot("unit", Flag::Unit);
    const ACTIVITY: &[Slot] = &[slot("plan", Flag::Plan), UNIT];
    const ASSET: &[Slot] = &[UNIT];
    const CLASSIFICATION: &[Slot] = &[slot("asset", Flag::Asset)];
    const UNIT_AND_ASSETS: &[Slot] = &[UNIT, list("assets", Flag::Asset)];
    const EVALUATION: &[Slot] = &[list("scope", Flag::Asset)];
    const FINDING: &[Slot] = &[slot("source", Flag::Review)];
    const RISK: &[Slot] = &[
        Slot {
            unless: Some(Flag::Unit),
            ..slot("asset", Flag::Asset)
        },
        UNIT,
    ];
    const REVIEW: &[Slot] = &[list("units", Flag::Unit)];
    const UNIT_KIND: &[Slot] = &[slot("parent", Flag::Parent)];
    match kind {
        Kind::Activity => ACTIVITY,
        Kind::Asset => ASSET,
        Kind::Classification => CLASSIFICATION,
        Kind::ContinuityPlan | Kind::Incident => UNIT_AND_ASSETS,
        Kind::Evaluation => EVALUATION,
        Kind::AuditFinding => FINDING,
        Kind::Risk => RISK,
        Kind::Review => REVIEW,
        Kind::Unit => UNIT_KIND,
        _ => &[],
    }
}

/// The references of a new `kind` record from the flags `given`, each id as the record it
/// names spells it. Refuses a flag the kind has no field for, several ids for one, and an
/// id of no record of its kind (with the closest one).
fn references(
    repo: &Repository,
    kind: Kind,
    given: &[(Flag, Vec<String>)],
) -> Result<Vec<(Slot, Vec<String>)>> {
    let slots = slots(kind);
    for (flag, ids) in given {
        if !ids.is_empty() && !slots.iter().any(|s| s.flag == *flag) {
            let takes: Vec<String> = slots
                .iter()
                .map(|s| format!("--{}", s.flag.name()))
                .collect();
            let takes = match takes.as_slice() {
                [] => "it takes no reference flag".to_owned(),
                _ => format!("it takes {}", takes.join(", ")),
            };
            bail!("`--{}` does not apply to {}: {takes}", flag.name(), a(kind));
        }
    }
    let mut out = Vec::new();
    for slot in slots {
        let ids = given
            .iter()
            .find(|(f, _)| *f == slot.flag)
            .map(|(_, ids)| ids.as_slice())
            .unwrap_or_default();
        if ids.len() > 1 && !slot.many {
            bail!(
                "`--{}` takes one id for {}, got {}",
                slot.flag.name(),
                a(kind),
                ids.len()
            );
        }
        let mut written: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            let id = existing_id(repo, slot.flag, id)?;
            // `--asset a --asset A` names one asset once.
            if !written.iter().any(|w| w.eq_ignore_ascii_case(&id)) {
                written.push(id);
            }
        }
        let ids = written;
        out.push((*slot, ids));
    }
    Ok(out)
}

/// `id` as the record of the flag's kind spells it; an error naming the closest id when
/// there is no such record.
fn existing_id(repo: &Repository, flag: Flag, id: &str) -> Result<String> {
    let target = flag.target();
    let entries = repo.entries(target);
    let lower = id.to_lowercase();
    if let Some(e) = entries
        .iter()
        .find(|e| e.record.id().to_lowercase() == lower)
    {
        return Ok(e.record.id().to_owned());
    }
    if repo.exists(target, id) {
        // An invalid record: its id exists as written in its file.
        return Ok(id.to_owned());
    }
    let suggestion = crate::util::suggest::did_you_mean(id, entries.iter().map(|e| e.record.id()));
    let hint = match suggestion.is_empty() {
        true => format!("; `isms list {target}` lists the ids"),
        false => suggestion,
    };
    bail!(
        "`--{} {id}`: no {target} has the id `{id}`{hint}",
        flag.name()
    )
}

/// "a unit", "an asset": a kind named in an error.
fn a(kind: Kind) -> String {
    let name = kind.as_str().replace('_', " ");
    match name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        true => format!("an {name}"),
        false => format!("a {name}"),
    }
}

/// The fields every kind shares, commented out at the end of each `new` template.
const NEW_COMMON: &str = include_str!("../../templates/scaffold/new/_common.yaml");

/// Refuses an id that does not match `^[A-Za-z0-9][A-Za-z0-9._-]*$`, naming what is wrong.
pub fn check_id(id: &str) -> Result<()> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    let problem = match id.chars().next() {
        None => Some("it is empty".to_owned()),
        Some(first) if !first.is_ascii_alphanumeric() => Some(format!("it starts with `{first}`")),
        _ => id
            .chars()
            .find(|c| !allowed(*c))
            .map(|c| format!("`{c}` is not allowed")),
    };
    match problem {
        Some(why) => bail!(
            "invalid id `{id}`: {why}; an id starts with a letter or digit and holds only \
             A-Z, a-z, 0-9, `.`, `_` and `-` (pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$)"
        ),
        None => Ok(()),
    }
}

/// The conventional path of a record, relative to the root: `<folder>/<id>.yaml`, with
/// incidents and activities in a folder per year and the organisation in `organisation.yaml`.
pub fn record_path(kind: Kind, id: &str, year: i16) -> String {
    kind.path_pattern()
        .replace("{year}", &year.to_string())
        .replace("{id}", id)
}

/// Writes a new record of `kind` with `id` from its template, as of `as_of`, with the
/// references `refs` (from [`references`]), and returns its path relative to the root.
/// Refuses an invalid id, an existing file and an id the kind already has anywhere in the
/// repository.
fn new_record(
    session: &Session,
    kind: Kind,
    id: &str,
    as_of: Date,
    refs: &[(Slot, Vec<String>)],
) -> Result<String> {
    check_id(id)?;
    let rel = record_path(kind, id, as_of.year());
    if session.root.join(&rel).exists() {
        bail!("{rel} already exists; `isms new` never overwrites a file");
    }
    let repo = &session.repo;
    if repo.exists(kind, id) {
        let place = existing_path(repo, kind, id)
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        bail!("{kind} `{id}` already exists{place}; ids are compared ignoring case");
    }
    if kind == Kind::Organisation {
        if let Some(o) = repo.organisation.first() {
            bail!(
                "the repository already has an organisation record, `{}` in {}; a repository describes one organisation",
                o.id,
                o.src.path
            );
        }
        if repo
            .counts
            .iter()
            .any(|(k, n)| *k == Kind::Organisation && *n > 0)
        {
            bail!(
                "the repository already has an organisation record; a repository describes one organisation"
            );
        }
    }
    let comment = if session.root.join(SCHEMA_DIR).is_dir() {
        schema_comment(&rel, kind)
    } else {
        String::new()
    };
    let text = format!(
        "{comment}{}{}",
        fill_template(new_template(kind), id, as_of, refs),
        Values::of(as_of).fill_aligned(NEW_COMMON)
    );
    if !write_new(&session.root, &rel, &text)? {
        bail!("{rel} already exists; `isms new` never overwrites a file");
    }
    Ok(rel)
}

/// A kind's `new` template filled for record `id` as of `as_of` with the references
/// `refs`: given ones written (an optional field uncommented), required ones left as
/// their placeholder, optional ones empty and commented out.
fn fill_template(template: &str, id: &str, as_of: Date, refs: &[(Slot, Vec<String>)]) -> String {
    let given = |flag: Flag| {
        refs.iter()
            .any(|(s, ids)| s.flag == flag && !ids.is_empty())
    };
    let mut values = Values::of(as_of).with("id", yaml_scalar(id));
    let mut lines = String::with_capacity(template.len());
    for line in template.split_inclusive('\n') {
        let Some((slot, ids)) = refs
            .iter()
            .find(|(s, _)| line.contains(&format!("{{{{{}}}}}", s.field)))
        else {
            lines.push_str(line);
            continue;
        };
        let commented = line.starts_with("# ");
        let value = ids
            .iter()
            .map(|i| yaml_scalar(i))
            .collect::<Vec<_>>()
            .join(", ");
        let (line, value) = match (commented, ids.is_empty()) {
            (true, false) => (uncomment(line), value),
            (true, true) | (false, false) => (line.to_owned(), value),
            (false, true) if slot.unless.is_some_and(given) => (comment_out(line), value),
            (false, true) => (line.to_owned(), slot.flag.placeholder().to_owned()),
        };
        lines.push_str(&line);
        values = values.with(slot.field, value);
    }
    // An empty optional reference leaves `# unit: ` behind.
    values
        .fill_aligned(&lines)
        .split_inclusive('\n')
        .map(|l| match l.strip_suffix('\n') {
            Some(body) => format!("{}\n", body.trim_end()),
            None => l.trim_end().to_owned(),
        })
        .collect()
}

/// `# field: value  # comment` as `field: value    # comment`, the comment in its column.
fn uncomment(line: &str) -> String {
    let body = line.strip_prefix("# ").unwrap_or(line);
    match body.find("  # ") {
        Some(at) => format!("{}    {}", &body[..at], &body[at + 2..]),
        None => body.to_owned(),
    }
}

/// `field: value    # comment` as `# field: value  # comment`, the comment in its column.
fn comment_out(line: &str) -> String {
    match line.find("    # ") {
        Some(at) => format!("# {}{}", &line[..at], &line[at + 2..]),
        None => format!("# {line}"),
    }
}

/// The file of the valid record of `kind` with `id`, if there is one.
fn existing_path(repo: &Repository, kind: Kind, id: &str) -> Option<String> {
    let id = id.to_lowercase();
    repo.entries(kind)
        .into_iter()
        .find(|e| e.record.id().to_lowercase() == id)
        .map(|e| e.src.path.to_string())
}

/// `s` as a YAML scalar that reads back as the same string: quoted when a plain scalar
/// would read as a number, a boolean or null (an id such as `2024` or `true`).
fn yaml_scalar(s: &str) -> String {
    if crate::source::yaml::resolve_plain(s).is_string() {
        s.to_owned()
    } else {
        format!("\"{s}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_paths() {
        assert_eq!(
            record_path(Kind::Incident, "INC-7", 2026),
            "incidents/2026/INC-7.yaml"
        );
        assert_eq!(
            record_path(Kind::Activity, "a", 2026),
            "activities/2026/a.yaml"
        );
        assert_eq!(
            record_path(Kind::Plan, "hp-2027", 2026),
            "plans/hp-2027.yaml"
        );
        assert_eq!(
            record_path(Kind::Organisation, "x", 2026),
            "organisation.yaml"
        );
        assert_eq!(
            record_path(Kind::ContinuityPlan, "kp", 2026),
            "continuity/kp.yaml"
        );
    }

    #[test]
    fn ids_are_checked() {
        assert!(check_id("INC-2026.01_a").is_ok());
        let e = check_id("-x").unwrap_err().to_string();
        assert!(e.contains("starts with `-`"), "{e}");
        let e = check_id("skåne").unwrap_err().to_string();
        assert!(e.contains("`å` is not allowed"), "{e}");
        assert!(check_id("").is_err());
        assert!(check_id("a/b").is_err());
    }

    fn date() -> Date {
        Date::parse("2026-06-01").expect("a date")
    }

    /// Each kind's template filled with no flags, or with an id for every flag.
    fn filled(kind: Kind, with_flags: bool) -> String {
        let refs: Vec<(Slot, Vec<String>)> = slots(kind)
            .iter()
            .map(|s| {
                let ids = match with_flags {
                    true => vec![format!("x-{}", s.flag.name())],
                    false => Vec::new(),
                };
                (*s, ids)
            })
            .collect();
        fill_template(new_template(kind), "ny", date(), &refs)
    }

    /// Every `{{name}}` of a template is a date, the id or one of the kind's reference
    /// fields, and each reference field is on one line of the template.
    #[test]
    fn templates_and_reference_fields_agree() {
        let known = [
            "id",
            "year",
            "today",
            "today-3m",
            "today-6m",
            "today-9m",
            "today+12m",
            "today+24m",
        ];
        for kind in Kind::ALL {
            let template = new_template(kind);
            for token in template.split("{{").skip(1) {
                let name = token.split("}}").next().unwrap_or_default();
                assert!(
                    known.contains(&name) || slots(kind).iter().any(|s| s.field == name),
                    "{kind}: `{{{{{name}}}}}` is filled by nothing"
                );
            }
            for slot in slots(kind) {
                let lines = template
                    .lines()
                    .filter(|l| l.contains(&format!("{{{{{}}}}}", slot.field)))
                    .count();
                assert_eq!(lines, 1, "{kind}: {}", slot.field);
            }
            for with_flags in [false, true] {
                let text = filled(kind, with_flags);
                assert!(!text.contains("{{"), "{kind}:\n{text}");
                assert!(
                    text.lines().all(|l| l == l.trim_end()),
                    "{kind}: trailing spaces\n{text}"
                );
            }
        }
    }

    /// Without flags a required reference is its placeholder and an optional one stays
    /// commented out and empty; with them both are written, the comments in their column.
    #[test]
    fn references_come_from_flags_or_stay_placeholders() {
        let none = filled(Kind::Classification, false);
        assert!(
            none.contains("\nasset: <tillgångens id>        # den klassade tillgångens id\n"),
            "{none}"
        );
        let given = filled(Kind::Classification, true);
        assert!(
            given.contains("\nasset: x-asset                 # den klassade tillgångens id\n"),
            "{given}"
        );
        let asset = filled(Kind::Asset, false);
        assert!(
            asset.contains("\n# unit:                        # ägande enhet\n"),
            "{asset}"
        );
        let asset = filled(Kind::Asset, true);
        assert!(
            asset.contains("\nunit: x-unit                   # ägande enhet\n"),
            "{asset}"
        );
        let incident = filled(Kind::Incident, true);
        assert!(incident.contains("\nassets: [x-asset]"), "{incident}");
        assert!(filled(Kind::Incident, false).contains("\n# assets: []"));
        // A risk on a unit has no asset.
        let risk = fill_template(
            new_template(Kind::Risk),
            "r",
            date(),
            &[
                (slots(Kind::Risk)[0], Vec::new()),
                (slots(Kind::Risk)[1], vec!["u".into()]),
            ],
        );
        assert!(
            risk.contains("\n# asset:                       # tillgångens id"),
            "{risk}"
        );
        assert!(risk.contains("\nunit: u  "), "{risk}");
        assert_eq!(
            uncomment("# unit: {{unit}}      # c\n"),
            "unit: {{unit}}        # c\n"
        );
        assert_eq!(comment_out("a: {{a}}      # c\n"), "# a: {{a}}    # c\n");
    }

    #[test]
    fn kinds_are_named_with_their_article() {
        assert_eq!(a(Kind::Activity), "an activity");
        assert_eq!(a(Kind::ContinuityPlan), "a continuity plan");
    }

    #[test]
    fn ids_that_yaml_would_read_as_numbers_are_quoted() {
        assert_eq!(yaml_scalar("2024"), "\"2024\"");
        assert_eq!(yaml_scalar("true"), "\"true\"");
        assert_eq!(yaml_scalar("1.5"), "\"1.5\"");
        assert_eq!(yaml_scalar("r-2024"), "r-2024");
    }
}
