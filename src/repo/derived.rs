//! Views computed once from all records and shared by the rules: each asset's current
//! classification, its effective levels and criticality through `supports`, the
//! requirements in force and the measures that apply to each asset.

use crate::load::{At, RecordProblem};
use crate::model::{Aspect, Condition, Kind, MeasureScope, MeasureStatus};
use crate::registry::registry;
use crate::repo::Repository;

/// An effective level and the asset it comes from (the asset itself, or one it supports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inherited {
    pub level: u8,
    /// Index into `repo.assets`.
    pub from: usize,
}

/// What is known about one asset beyond its own record.
#[derive(Debug, Clone, Default)]
pub struct AssetView {
    /// Index into `repo.classifications` of the newest classification, if any.
    pub current: Option<usize>,
    /// Effective level per aspect, in the order of [`Aspect::ALL`].
    pub levels: [Option<Inherited>; 4],
    /// Some(index of the critical asset that makes this one critical), itself included.
    pub critical_from: Option<usize>,
}

impl AssetView {
    pub fn level_values(&self) -> [Option<u8>; 4] {
        self.levels.map(|l| l.map(|l| l.level))
    }

    pub fn is_critical(&self) -> bool {
        self.critical_from.is_some()
    }
}

/// A requirement in force: from the registry's baseline or a `requirement` record.
#[derive(Debug, Clone)]
pub struct RequirementInForce {
    pub id: String,
    pub when: Condition,
    pub requires: Vec<String>,
    /// Index into `repo.requirements` when the organisation's own record defines it.
    pub record: Option<usize>,
}

/// Views shared by the rules.
#[derive(Debug, Default)]
pub struct Derived {
    /// Parallel to `repo.assets`.
    pub assets: Vec<AssetView>,
    pub requirements: Vec<RequirementInForce>,
    /// Problems found while deriving (`supports` cycles), which REC003 reports.
    pub problems: Vec<RecordProblem>,
}

impl Derived {
    /// Computes the views as of a date: classifications dated after `as_of` do not exist
    /// yet, so that `--as-of` reproduces a past day exactly.
    pub fn compute(repo: &Repository, as_of: crate::model::Date) -> Derived {
        let n = repo.assets.len();
        let mut views = vec![AssetView::default(); n];
        // The repository's own index: each asset's place by its id, ignoring case.
        let asset = |id: &str| repo.index(Kind::Asset, id);
        // Newest classification per asset; on equal dates the later record in path order.
        for (ci, c) in repo.classifications.iter().enumerate() {
            if c.date > as_of {
                continue;
            }
            if let Some(ai) = asset(&c.asset) {
                let better = views[ai]
                    .current
                    .is_none_or(|prev| repo.classifications[prev].date <= c.date);
                if better {
                    views[ai].current = Some(ci);
                }
            }
        }
        let own: Vec<[Option<u8>; 4]> = views
            .iter()
            .map(|v| {
                v.current
                    .map_or([None; 4], |c| repo.classifications[c].levels())
            })
            .collect();
        let edges: Vec<Vec<usize>> = repo
            .assets
            .iter()
            .map(|a| {
                let mut e: Vec<usize> = a.supports.iter().filter_map(|s| asset(s)).collect();
                e.sort_unstable();
                e.dedup();
                e
            })
            .collect();
        let mut problems = Vec::new();
        let order = topological(&edges, repo, &mut problems);
        // Dependencies first: each asset takes the maximum of itself and what it supports.
        for &i in &order {
            let mut levels: [Option<Inherited>; 4] =
                own[i].map(|l| l.map(|level| Inherited { level, from: i }));
            let mut critical = repo.assets[i].critical.then_some(i);
            for &j in &edges[i] {
                if !repo.assets[j].is_active() {
                    continue;
                }
                for (k, slot) in levels.iter_mut().enumerate() {
                    if let Some(theirs) = views[j].levels[k]
                        && slot.is_none_or(|mine| theirs.level > mine.level)
                    {
                        *slot = Some(theirs);
                    }
                }
                if critical.is_none() {
                    critical = views[j].critical_from;
                }
            }
            views[i].levels = levels;
            views[i].critical_from = critical;
        }
        let mut requirements: Vec<RequirementInForce> = registry()
            .baseline()
            .iter()
            .map(|b| RequirementInForce {
                id: b.id.clone(),
                when: b.when.clone(),
                requires: b.requires.clone(),
                record: None,
            })
            .collect();
        for (ri, r) in repo.requirements.iter().enumerate() {
            let own = RequirementInForce {
                id: r.id.clone(),
                when: r.when.clone(),
                requires: r.requires.clone(),
                record: Some(ri),
            };
            match requirements
                .iter_mut()
                .find(|b| b.id.eq_ignore_ascii_case(&r.id))
            {
                Some(slot) => *slot = own,
                None => requirements.push(own),
            }
        }
        Derived {
            assets: views,
            requirements,
            problems,
        }
    }

    /// Implemented measures that apply to asset `ai` (organisation-wide, or listed by it).
    pub fn measures_for<'r>(
        &self,
        repo: &'r Repository,
        ai: usize,
    ) -> impl Iterator<Item = &'r crate::repo::Rec<crate::model::Measure>> {
        let asset = &repo.assets[ai];
        repo.measures.iter().filter(move |m| {
            m.status == MeasureStatus::Implemented
                && (m.scope == MeasureScope::Organisation
                    || asset
                        .measures
                        .iter()
                        .any(|id| id.eq_ignore_ascii_case(&m.id)))
        })
    }

    /// Where an asset's effective level on `aspect` comes from, in words:
    /// "own classification `x-2023`" or "inherited from `journal` (classification `j-2024`)".
    pub fn level_source(&self, repo: &Repository, ai: usize, aspect: Aspect) -> String {
        let k = Aspect::ALL.iter().position(|a| *a == aspect).unwrap_or(0);
        match self.assets[ai].levels[k] {
            None => "not classified".to_owned(),
            Some(l) if l.from == ai => self.assets[ai]
                .current
                .map(|c| format!("classification `{}`", repo.classifications[c].id))
                .unwrap_or_default(),
            Some(l) => format!(
                "inherited from `{}`, which it supports",
                repo.assets[l.from].id
            ),
        }
    }
}

/// Post-order of the `supports` graph (supported assets before their supporters). A cycle
/// is reported once, naming its assets, and broken so that every asset still gets a view.
fn topological(
    edges: &[Vec<usize>],
    repo: &Repository,
    problems: &mut Vec<RecordProblem>,
) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = edges.len();
    let mut mark = vec![Mark::New; n];
    let mut order = Vec::with_capacity(n);
    // Iterative DFS: supports chains in generated or hostile data can be long.
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = edges[node].get(*next) {
                *next += 1;
                match mark[child] {
                    Mark::New => {
                        mark[child] = Mark::Open;
                        stack.push((child, 0));
                    }
                    Mark::Open => {
                        let start = stack.iter().position(|(a, _)| *a == child).unwrap_or(0);
                        let mut assets: Vec<String> = stack[start..]
                            .iter()
                            .map(|(a, _)| repo.assets[*a].id.clone())
                            .collect();
                        assets.push(repo.assets[child].id.clone());
                        let a = &repo.assets[node];
                        let pointer = a
                            .supports
                            .iter()
                            .position(|s| s.eq_ignore_ascii_case(&repo.assets[child].id))
                            .map_or("/supports".to_owned(), |i| format!("/supports/{i}"));
                        problems.push(RecordProblem::SupportsCycle {
                            at: At::value(&a.src, &pointer, Kind::Asset, a.id.clone()),
                            assets,
                        });
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                order.push(node);
                stack.pop();
            }
        }
    }
    order
}
