//! The framework catalogues a repository's records can name: the built-in ones of the
//! registry with the organisation's own `framework` records added, and the check that every
//! control a record names exists (REC003).
//!
//! A `framework` record whose id is a built-in framework's extends it: its controls' labels
//! replace the built-in labels (an organisation that holds a licence for the standard may
//! put the standard's own wording there), and controls the built-in catalogue lacks are
//! added. Any other `framework` record is a catalogue of its own.

use crate::load::{At, RecordProblem};
use crate::model::{self, Kind};
use crate::registry::{Control, ControlRef, Framework, Registry, Text, UnresolvedControl, resolve};

use super::{Rec, Repository};

/// The built-in catalogues in registry order, then the organisation's own in path order.
pub fn catalogues(registry: &Registry, records: &[Rec<model::Framework>]) -> Vec<Framework> {
    let mut all = registry.frameworks.clone();
    for record in records {
        let text = |s: &str| Text {
            sv: s.to_owned(),
            en: s.to_owned(),
        };
        let index = match all.iter().position(|f| f.id == record.id) {
            Some(i) => i,
            None => {
                all.push(Framework {
                    id: record.id.clone(),
                    name: text(&record.title),
                    source: record.source.clone().unwrap_or_default(),
                    published: None,
                    groups: Vec::new(),
                    controls: Vec::new(),
                });
                all.len() - 1
            }
        };
        let framework = &mut all[index];
        for c in &record.controls {
            match framework.controls.iter_mut().find(|k| k.id == c.id) {
                Some(known) => known.label = text(&c.label),
                None => framework.controls.push(Control {
                    id: c.id.clone(),
                    group: c.group.clone().unwrap_or_default(),
                    label: text(&c.label),
                }),
            }
        }
        framework.add_missing_groups();
    }
    all
}

impl Repository {
    /// The catalogue `id` names (built-in, or the organisation's own).
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.catalogues.iter().find(|f| f.id == id)
    }

    /// REC003 for the controls records name: a measure's `controls`, and a statement of
    /// applicability's framework and the controls it excludes or includes.
    pub(super) fn check_controls(&self, problems: &mut Vec<RecordProblem>) {
        for m in &self.measures {
            for (i, written) in m.controls.iter().enumerate() {
                let pointer = format!("/controls/{i}");
                // The schema holds the form `FRAMEWORK:CONTROL`; a record that breaks it
                // failed its schema and is not here.
                let Some(reference) = ControlRef::parse(written) else {
                    continue;
                };
                if let Err(e) = resolve(&self.catalogues, reference) {
                    let at = At::value(&m.src, &pointer, Kind::Measure, &m.id);
                    problems.push(unknown(at, "controls", written, e));
                }
            }
        }
        for s in &self.statements_of_applicability {
            let Some(framework) = self.framework(&s.framework) else {
                let e = UnresolvedControl::UnknownFramework {
                    framework: s.framework.clone(),
                    suggestion: crate::util::suggest::closest(
                        &s.framework,
                        self.catalogues.iter().map(|f| f.id.as_str()),
                    )
                    .map(str::to_owned),
                };
                let at = At::value(&s.src, "/framework", Kind::StatementOfApplicability, &s.id);
                problems.push(unknown(at, "framework", &s.framework, e));
                continue;
            };
            let excluded = s.excluded.iter().map(|e| ("excluded", &e.control));
            let included = s.included.iter().map(|e| ("included", &e.control));
            let listed = excluded.enumerate().chain(included.enumerate());
            for (n, (list, control)) in listed {
                let pointer = format!("/{list}/{n}/control");
                if let Err(e) = framework.find_control(control) {
                    let at = At::value(&s.src, &pointer, Kind::StatementOfApplicability, &s.id);
                    problems.push(unknown(at, list, control, e));
                }
            }
        }
    }
}

fn unknown(
    at: At,
    field: &'static str,
    written: &str,
    problem: UnresolvedControl,
) -> RecordProblem {
    RecordProblem::UnknownControl {
        at,
        field,
        written: written.to_owned(),
        problem,
    }
}
