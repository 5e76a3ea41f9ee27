use crate::rules::cls::{and_list, classification_reasons, is_classified, requires_classification};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds active assets with no classification of their own that need one most: assets
    /// that are critical (`critical: true`, or critical through an asset they `supports`),
    /// hold sensitive personal data (`personal_data: sensitive`), hold information under
    /// secrecy (`secrecy: true`) or support an essential service (`essential_service`). The
    /// message names which of these apply. Levels inherited through `supports` do not count
    /// as a classification: the asset's own information has not been assessed. Planned and
    /// retired assets are not judged. Other unclassified assets are CLS005's.
    ///
    /// ## Why it matters
    /// The classification decides which security measures an asset needs. Municipal audits
    /// regularly find that only a few assets per administration are classified while the
    /// critical systems and those with personal data or secrecy are not, so measures are
    /// chosen without knowing the need. GDPR art. 32 requires security appropriate to the
    /// risk, and the cybersecurity law requires it for essential services.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: procapita
    /// name: Procapita
    /// type: system
    /// status: active
    /// personal_data: sensitive   # no classification record has `asset: procapita`
    /// secrecy: true
    /// ```
    /// Not reported: the same asset with a `classification` record `asset: procapita`.
    ///
    /// ## How to fix
    /// Classify the asset with the system owner (KLASSA or the organisation's method) and
    /// record it as a `classification` record with `asset:` set to the asset's id.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: informationsklassning; SKR, KLASSA
    /// - ISO/IEC 27001:2022, 6.1.2 and annex A.5.12 (classification of information)
    /// - GDPR art. 32; cybersäkerhetslag (2025:1506)
    pub struct UnclassifiedSensitiveAsset {
        code: "CLS001",
        name: "unclassified-sensitive-asset",
        severity: Error,
        summary: "active asset that is critical, holds sensitive personal data, is under secrecy or supports an essential service, with no classification",
    }
}

impl Rule for UnclassifiedSensitiveAsset {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for (ai, a) in cx.repo.assets.iter().enumerate() {
            if !requires_classification(cx, ai) || is_classified(cx, ai) {
                continue;
            }
            let reasons = classification_reasons(cx, ai);
            sink.at(
                a,
                "",
                format!(
                    "asset `{}` ({}) {}, but has no classification",
                    a.id,
                    a.name,
                    and_list(&reasons)
                ),
            )
            .help = Some(format!(
                "classify the asset with its owner and record a classification with `asset: {}`",
                a.id
            ));
        }
    }
}
