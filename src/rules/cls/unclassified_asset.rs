use crate::rules::cls::{is_classified, requires_classification};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds active assets with no classification of their own that CLS001 does not cover:
    /// not critical (neither themselves nor through `supports`), no sensitive personal data,
    /// no secrecy, no essential service. Levels inherited through `supports` do not count as
    /// a classification. Planned and retired assets are not judged.
    ///
    /// ## Why it matters
    /// Every information asset should be classified in time, so that its measures follow from
    /// its needs rather than from habit; an unclassified register also makes coverage figures
    /// meaningless. These assets come after those CLS001 finds, hence the lower severity.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: bokningssystem
    /// name: Lokalbokning
    /// type: system
    /// status: active       # no classification record has `asset: bokningssystem`
    /// ```
    /// Not reported: the same asset with a classification, or with `status: retired`.
    ///
    /// ## How to fix
    /// Classify the asset with its owner and record a `classification` record for it.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: informationsklassning; SKR, KLASSA
    /// - ISO/IEC 27001:2022, annex A.5.9 (inventory) and A.5.12 (classification of information)
    pub struct UnclassifiedAsset {
        code: "CLS005",
        name: "unclassified-asset",
        severity: Info,
        summary: "active asset with no classification that CLS001 does not cover",
    }
}

impl Rule for UnclassifiedAsset {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for (ai, a) in cx.repo.assets.iter().enumerate() {
            if !a.is_active() || is_classified(cx, ai) || requires_classification(cx, ai) {
                continue;
            }
            sink.record(a, "").arg("name", &a.name);
        }
    }
}
