use std::borrow::Cow;

use crate::l10n::{Args, Value};
use crate::model::{Aspect, Kind};
use crate::repo::derived::RequirementInForce;
use crate::rules::sec::{Provided, capability, capability_sv, display_name, level_sources};
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
        let all_aspects: Vec<usize> = (0..Aspect::ALL.len()).collect();
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
            let mut missing: Vec<(Cow<'_, str>, Vec<&RequirementInForce>)> = Vec::new();
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
                            if !reqs.iter().any(|r| r.id == req.id) {
                                reqs.push(req);
                            }
                        }
                        None => missing.push((cap, vec![req])),
                    }
                }
            }
            if missing.is_empty() {
                continue;
            }
            let parts: Vec<Args> = missing
                .iter()
                .map(|(cap, reqs)| {
                    let ids = reqs.iter().map(|r| r.id.clone()).collect();
                    vec![
                        ("capability", cap.as_ref().into()),
                        ("capability_sv", capability_sv(cx.registry, cap).into()),
                        ("requirements", Value::List(ids)),
                    ]
                })
                .collect();
            let d = sink
                .record(a, "")
                .arg("name", display_name(&a.name, &a.id))
                .arg("levels", Value::Levels(levels))
                .arg("missing", Value::Parts(parts));
            level_sources(d, cx, ai, &all_aspects);
            // The organisation's own requirements are records; the baseline's are not.
            let mut own: Vec<&str> = Vec::new();
            for (_, reqs) in &missing {
                for r in reqs.iter().filter(|r| r.record.is_some()) {
                    if !own.contains(&r.id.as_str()) {
                        own.push(&r.id);
                        d.relate(Kind::Requirement, &r.id);
                    }
                }
            }
        }
    }
}
