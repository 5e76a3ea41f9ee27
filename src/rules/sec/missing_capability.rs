use crate::model::Aspect;
use crate::rules::sec::{Provided, capability};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// For each active asset, finds the capabilities that the requirements in force ask of it
    /// and that no implemented measure in scope provides. The requirements are the registry's
    /// baseline, each replaceable by a `requirement` record with the same id, plus the
    /// organisation's own. A requirement applies when every condition of its `when` holds:
    /// level conditions against the asset's effective levels (its own current classification
    /// or the highest of the assets it `supports`), `personal_data` and `hosting_model` against
    /// the asset's own fields. So level requirements apply to classified assets (directly or
    /// through `supports`), while a requirement on personal data and hosting alone (the
    /// baseline's `processor`) applies to every active asset that matches it, classified or
    /// not. A measure is in scope when it is implemented and organisation-wide, or
    /// asset-scoped and listed in the asset's `measures` (implemented after the as-of date:
    /// not yet); whether it is verified is SEC002's
    /// concern. One finding per asset lists each missing capability with the requirements
    /// that ask for it, and says where inherited levels come from. Capabilities are compared
    /// ignoring case.
    ///
    /// ## Why it matters
    /// The classification is only worth the measures it leads to: KLASSA turns each level
    /// into a list of requirements, and ISO/IEC 27001 asks that controls be chosen from the
    /// risk and need. An asset classified at confidentiality 3 without multi-factor
    /// authentication, or a cloud service processing personal data without a processor
    /// agreement (GDPR art. 28), is a gap an incident or an audit will find.
    ///
    /// ## Example
    /// ```yaml
    /// kind: classification
    /// id: procapita-2024
    /// asset: procapita
    /// date: 2024-03-15
    /// confidentiality: 3    # requires mfa and encryption_at_rest (confidentiality-3)
    /// integrity: 2
    /// availability: 2
    /// ```
    /// With no implemented measure providing `mfa` organisation-wide or listed under the
    /// asset's `measures`, asset `procapita` is reported. Not reported: the same asset once
    /// such measures exist, or a retired asset.
    ///
    /// ## How to fix
    /// Implement a measure providing each missing capability, organisation-wide or
    /// asset-scoped and listed in the asset's `measures`, and record it with `provides`. A
    /// baseline requirement that does not fit the organisation is replaced by a `requirement`
    /// record with the same id.
    ///
    /// ## References
    /// - SKR, KLASSA: kravkataloger per nivå; MSB (MCF), Metodstöd för LIS: välj säkerhetsåtgärder
    /// - ISO/IEC 27001:2022, 6.1.3 (risk treatment, statement of applicability) and annex A
    /// - GDPR art. 28 and 32
    pub struct MissingCapability {
        code: "SEC001",
        name: "missing-required-capability",
        severity: Error,
        summary: "asset whose levels (or personal data and hosting) require a capability that no implemented measure in scope provides",
    }
}

impl Rule for MissingCapability {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let provided = Provided::new(cx.repo, cx.as_of);
        for (ai, a) in cx.repo.assets.iter().enumerate() {
            if !a.is_active() {
                continue;
            }
            let Some(view) = cx.derived.assets.get(ai) else {
                continue;
            };
            let levels = view.level_values();
            let hosting = a.hosting_model().map(|h| h.as_str());
            // Missing capability -> the requirements asking for it, in requirement order.
            let mut missing: Vec<(std::borrow::Cow<'_, str>, Vec<&str>)> = Vec::new();
            for req in &cx.derived.requirements {
                if !req.when.matches(levels, a.personal_data.as_str(), hosting) {
                    continue;
                }
                for cap in &req.requires {
                    if provided.has(a, cap) {
                        continue;
                    }
                    let cap = capability(cap);
                    match missing.iter_mut().find(|(c, _)| *c == cap) {
                        Some((_, reqs)) => {
                            if !reqs.contains(&req.id.as_str()) {
                                reqs.push(&req.id);
                            }
                        }
                        None => missing.push((cap, vec![&req.id])),
                    }
                }
            }
            if missing.is_empty() {
                continue;
            }
            let list: Vec<String> = missing
                .iter()
                .map(|(cap, reqs)| format!("{cap} ({})", reqs.join(", ")))
                .collect();
            sink.at(a, "", format!(
                "asset `{}` ({}) has no implemented measure in scope providing {}",
                a.id,
                levels_text(cx, ai),
                list.join(", ")
            ))
            .help = Some(
                "implement a measure providing each capability, organisation-wide or listed in the asset's `measures`; \
                 a `requirement` record with the same id replaces a baseline requirement that does not fit"
                    .into(),
            );
        }
    }
}

/// The asset's effective levels and where they come from:
/// `levels C3 I2 A3 from classification `x-2024``, `levels C3 I3 A3 T2 inherited from `j`,
/// which it supports`, or `not classified`.
fn levels_text(cx: &Context<'_>, ai: usize) -> String {
    let view = &cx.derived.assets[ai];
    let letters: Vec<String> = Aspect::ALL
        .iter()
        .zip(view.levels)
        .filter_map(|(aspect, l)| {
            let letter = aspect.as_str().chars().next()?.to_ascii_uppercase();
            l.map(|l| format!("{letter}{}", l.level))
        })
        .collect();
    if letters.is_empty() {
        return "not classified".to_owned();
    }
    let mut sources = Vec::new();
    if view.levels.iter().flatten().any(|l| l.from == ai)
        && let Some(c) = view.current
    {
        sources.push(format!(
            "from classification `{}`",
            cx.repo.classifications[c].id
        ));
    }
    let mut inherited: Vec<usize> = view
        .levels
        .iter()
        .flatten()
        .map(|l| l.from)
        .filter(|&f| f != ai)
        .collect();
    inherited.sort_unstable();
    inherited.dedup();
    if !inherited.is_empty() {
        let names: Vec<String> = inherited
            .iter()
            .map(|&f| format!("`{}`", cx.repo.assets[f].id))
            .collect();
        sources.push(format!(
            "inherited from {}, which it supports",
            names.join(" and ")
        ));
    }
    format!("levels {} {}", letters.join(" "), sources.join(" and "))
}
