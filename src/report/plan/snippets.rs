//! The YAML records of the draft plan, written by hand so that they read like the ones in
//! the examples: plain scalars where YAML allows, fields in the usual order.

use super::GoalRow;
use crate::config::Language;
use crate::model::ActivityStatus;

/// A YAML scalar: plain when it is a simple word, else a double-quoted string (a JSON
/// string is a valid YAML double-quoted scalar).
pub(super) fn scalar(s: &str) -> String {
    const SPECIAL: &[&str] = &[
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && !SPECIAL.contains(&s.to_ascii_lowercase().as_str());
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| scalar(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// An activity record for the new plan; `None` and empty fields are left out.
pub(super) struct ActivityYaml<'s> {
    pub id: &'s str,
    pub plan: &'s str,
    pub goal: Option<&'s str>,
    pub title: &'s str,
    pub owner: Option<&'s str>,
    pub unit: Option<&'s str>,
    pub due: &'s str,
    pub status: ActivityStatus,
    pub carried_over_from: &'s [String],
    pub addresses: &'s [String],
    pub notes: Option<&'s str>,
}

impl ActivityYaml<'_> {
    /// The record as YAML lines.
    pub(super) fn text(&self) -> String {
        let mut y = format!(
            "kind: activity\nid: {}\nplan: {}\n",
            scalar(self.id),
            scalar(self.plan)
        );
        if let Some(g) = self.goal {
            y += &format!("goal: {}\n", scalar(g));
        }
        y += &format!("title: {}\n", scalar(self.title));
        if let Some(o) = self.owner.filter(|o| !o.is_empty()) {
            y += &format!("owner: {}\n", scalar(o));
        }
        if let Some(u) = self.unit {
            y += &format!("unit: {}\n", scalar(u));
        }
        y += &format!("due: {}\nstatus: {}\n", self.due, self.status.as_str());
        if !self.carried_over_from.is_empty() {
            y += &format!("carried_over_from: {}\n", list(self.carried_over_from));
        }
        if !self.addresses.is_empty() {
            y += &format!("addresses: {}\n", list(self.addresses));
        }
        if let Some(n) = self.notes {
            y += &format!("notes: {}\n", scalar(n));
        }
        y
    }
}

/// The plan record: id, year, title, a comment on what the board fills in, and the goals.
pub(super) fn plan_yaml(
    lang: Language,
    id: &str,
    year: i16,
    title: &str,
    goals: &[GoalRow],
) -> String {
    let mut y = format!(
        "kind: plan\nid: {}\nyear: {year}\ntitle: {}\n{}\n",
        scalar(id),
        scalar(title),
        lang.pick("# decided, decided_by och decision_ref fylls i när kommunstyrelsen har beslutat planen",
            "# decided, decided_by and decision_ref are filled in once the executive board has decided the plan",
        ),
    );
    if goals.is_empty() {
        y += "goals: []\n";
    } else {
        y += "goals:\n";
        for g in goals {
            y += &format!(
                "  - id: {}\n    title: {}\n",
                scalar(&g.id),
                scalar(&g.title)
            );
        }
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_scalars_are_quoted_when_needed() {
        assert_eq!(scalar("act-2027-01"), "act-2027-01");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("Titel: med kolon"), "\"Titel: med kolon\"");
        assert_eq!(scalar("Rad\ntvå \"citat\""), "\"Rad\\ntvå \\\"citat\\\"\"");
        assert_eq!(scalar("2027"), "\"2027\"");
    }
}
