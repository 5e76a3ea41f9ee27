//! `isms new`: one record from its kind's template at its conventional path, its references
//! filled with records the repository has; never overwrites a file.

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
    /// The record kind (asset, policy, incident, ...)
    kind: String,
    /// The new record's id
    id: String,
}

pub fn run(args: Args, clock: Clock) -> Result<u8> {
    let kind = Kind::from_user(&args.kind).map_err(anyhow::Error::msg)?;
    check_id(&args.id)?;
    let (session, as_of) = super::open(&args.common, Needs::Records, clock)?;
    let path = new_record(&session, kind, &args.id, as_of)?;
    super::emit(&format!("{path}\n"))?;
    Ok(0)
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

/// Writes a new record of `kind` with `id` from its template, as of `as_of`, and returns
/// its path relative to the root. Refuses an invalid id, an existing file and an id the
/// kind already has anywhere in the repository.
pub fn new_record(session: &Session, kind: Kind, id: &str, as_of: Date) -> Result<String> {
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
    let values = Values::of(as_of)
        .with("id", yaml_scalar(id))
        .with(
            "asset",
            reference(
                first_by_id(repo.assets.iter().map(|a| &a.id)),
                "ange-tillgang",
            ),
        )
        .with(
            "unit",
            reference(first_by_id(repo.units.iter().map(|u| &u.id)), "ange-enhet"),
        )
        .with(
            "plan",
            reference(plan_for(session, as_of.year()), "ange-handlingsplan"),
        )
        .with(
            "review",
            reference(latest_review(session), "ange-granskning"),
        );
    let comment = if session.root.join(SCHEMA_DIR).is_dir() {
        schema_comment(&rel, kind)
    } else {
        String::new()
    };
    let text = format!(
        "{comment}{}{}",
        values.fill_aligned(new_template(kind)),
        values.fill_aligned(NEW_COMMON)
    );
    if !write_new(&session.root, &rel, &text)? {
        bail!("{rel} already exists; `isms new` never overwrites a file");
    }
    Ok(rel)
}

/// The file of the valid record of `kind` with `id`, if there is one.
fn existing_path(repo: &Repository, kind: Kind, id: &str) -> Option<String> {
    let id = id.to_lowercase();
    repo.entries(kind)
        .into_iter()
        .find(|e| e.record.id().to_lowercase() == id)
        .map(|e| e.src.path.to_string())
}

/// An existing id to put in a template's reference, or the placeholder that makes
/// `isms validate` ask for one (REC003) when the repository has none.
fn reference(existing: Option<&String>, placeholder: &str) -> String {
    existing.map_or_else(|| placeholder.to_owned(), |id| yaml_scalar(id))
}

fn first_by_id<'a>(ids: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    ids.min_by_key(|id| (id.to_lowercase(), id.as_str()))
}

/// The plan of `year`, else the newest plan.
fn plan_for(session: &Session, year: i16) -> Option<&String> {
    let plans = &session.repo.plans;
    plans
        .iter()
        .filter(|p| p.year == year)
        .map(|p| &p.id)
        .min()
        .or_else(|| plans.iter().max_by_key(|p| (p.year, &p.id)).map(|p| &p.id))
}

/// The newest review: the usual source of a new finding.
fn latest_review(session: &Session) -> Option<&String> {
    session
        .repo
        .reviews
        .iter()
        .max_by_key(|r| (r.date, &r.id))
        .map(|r| &r.id)
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

    #[test]
    fn ids_that_yaml_would_read_as_numbers_are_quoted() {
        assert_eq!(yaml_scalar("2024"), "\"2024\"");
        assert_eq!(yaml_scalar("true"), "\"true\"");
        assert_eq!(yaml_scalar("1.5"), "\"1.5\"");
        assert_eq!(yaml_scalar("r-2024"), "r-2024");
    }
}
