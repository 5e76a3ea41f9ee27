use crate::model::HostingModel;
use crate::repo::Repository;
use crate::repo::derived::Derived;
use crate::rules::{Context, Rule, Sink, declare_rule};

use super::provider;

declare_rule! {
    /// ## What it does
    /// Finds active assets run as a cloud service (`hosting.model` saas or public_cloud)
    /// that have no classification of their own. Levels inherited through `supports` do not
    /// count: the service itself has to be assessed before use.
    ///
    /// ## Why it matters
    /// A cloud service moves information to a provider the organisation does not control;
    /// whether that is acceptable depends on how sensitive the information is. SKR's guidance
    /// on cloud services and MSB's method support ask that information be classified and the
    /// risks assessed before a cloud service is used; ISO/IEC 27001:2022 A.5.23 asks for a
    /// process for the use of cloud services, and A.5.12 for classification.
    ///
    /// ## Example
    /// ```yaml
    /// kind: asset
    /// id: office-365
    /// name: Microsoft 365
    /// type: service
    /// hosting:
    ///   model: saas            # no classification with asset: office-365: warning
    /// ```
    /// Not reported: the same asset with a classification record, or one run
    /// `on_premises` (CLS001/CLS005 cover those).
    ///
    /// ## How to fix
    /// Classify the information in the service (KLASSA) and record it as a classification
    /// with `asset: <id>`; assess the risks of the service before (further) use.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, A.5.12 and A.5.23
    /// - SKR, vägledning om molntjänster; KLASSA
    /// - MSB (MCF), Metodstöd för LIS: klassa information
    pub struct UnclassifiedCloudService {
        code: "CLD003",
        name: "unclassified-cloud-service",
        severity: Warning,
        summary: "cloud or SaaS asset with no classification",
    }
}

/// Whether CLD003 reports asset `ai`: an active cloud or SaaS asset with no classification
/// as of the date `derived` was computed for. Its hosting model when it does. Audit question
/// 12 counts the same.
pub fn unclassified_cloud_service(
    repo: &Repository,
    derived: &Derived,
    ai: usize,
) -> Option<HostingModel> {
    let asset = repo.assets.get(ai)?;
    let model = asset.hosting_model().filter(|m| m.is_cloud())?;
    let classified = derived.assets.get(ai).is_none_or(|v| v.current.is_some());
    (asset.is_active() && !classified).then_some(model)
}

impl Rule for UnclassifiedCloudService {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for (ai, asset) in cx.repo.assets.iter().enumerate() {
            let Some(model) = unclassified_cloud_service(cx.repo, cx.derived, ai) else {
                continue;
            };
            let provider = provider(asset);
            let d = sink
                .record(asset, "/hosting/model")
                .arg("name", &asset.name)
                .arg("model", model.as_str());
            match provider {
                Some(provider) => d.arg("provider", provider),
                None => d.says("CLD003-unnamed"),
            };
        }
    }
}
