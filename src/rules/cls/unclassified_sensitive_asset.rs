use crate::rules::cls::{Ground, classification_grounds, is_classified, requires_classification};
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

/// `yes` or `no`, for a template's choice of clause.
fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// An essential service's Swedish name from the registry's vocabulary, as it reads inside
/// a sentence (`dricksvatten`); a service the vocabulary does not know keeps its own word.
fn service_in_swedish(cx: &Context<'_>, service: &str) -> String {
    let Some(word) = cx
        .registry
        .vocabularies
        .essential_services
        .iter()
        .find(|w| w.id == service)
    else {
        return service.to_owned();
    };
    let mut chars = word.name.sv.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

impl Rule for UnclassifiedSensitiveAsset {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for (ai, a) in cx.repo.assets.iter().enumerate() {
            if !requires_classification(cx, ai) || is_classified(cx, ai) {
                continue;
            }
            let grounds = classification_grounds(cx, ai);
            let d = sink
                .record(a, "")
                .arg("name", &a.name)
                .arg("grounds", grounds.len());
            let criticality = grounds.iter().find_map(|g| match g {
                Ground::Critical(c) => Some(*c),
                _ => None,
            });
            match criticality {
                Some(c) => c.describe(cx, d),
                None => {
                    d.arg("critical", "no");
                }
            }
            d.arg(
                "sensitive_personal_data",
                yes_no(grounds.contains(&Ground::SensitivePersonalData)),
            )
            .arg("secrecy", yes_no(grounds.contains(&Ground::Secrecy)));
            let service = grounds.iter().find_map(|g| match g {
                Ground::EssentialService(s) => Some(s),
                _ => None,
            });
            d.arg("essential_service", yes_no(service.is_some()));
            if let Some(service) = service {
                d.arg("service", service)
                    .arg("service_sv", service_in_swedish(cx, service));
            }
        }
    }
}
