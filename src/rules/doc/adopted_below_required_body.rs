use crate::rules::doc::required_scope;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds adopted steering documents whose `adopted_by` ranks below the lowest body the
    /// document's type may be adopted by. The order is municipal_council >
    /// executive_board > committee > official; the registry sets the minimum per type:
    /// security_policy and information_security_policy by the municipal council, guideline
    /// and position by the executive board, routine, plan and other by any body. A higher
    /// body may always adopt what a lower one may.
    ///
    /// An adopted document of a type that needs a particular body, with no `adopted_by`,
    /// is reported too ("not recorded"): without it nobody can show that the decision was
    /// taken at the right level. Drafts, repealed documents and documents adopted after the
    /// as-of date raise nothing.
    ///
    /// ## Why it matters
    /// The Local Government Act (kommunallag 2017:725) 5 kap. 1 § reserves matters of
    /// principle to the municipal council, and MSB's method support places the information
    /// security policy with the highest decision-making body and guidelines with the
    /// executive board. A policy or a position on cloud services held only by officials
    /// lacks the mandate to bind committees and companies, and municipal audits single it
    /// out. ISO/IEC 27001:2022 clause 5.1 and 5.2 expect top management to establish the
    /// policy.
    ///
    /// ## Example
    /// ```yaml
    /// kind: policy
    /// id: stallningstagande-molntjanster
    /// title: Ställningstagande om användning av molntjänster
    /// type: position
    /// status: adopted
    /// adopted: 2020-10-05
    /// adopted_by: official    # a position requires the executive board
    /// ```
    /// Not reported: the same position with `adopted_by: executive_board` or
    /// `municipal_council`, or a routine adopted by an official.
    ///
    /// ## How to fix
    /// Have the document adopted by the body its type requires and record the new
    /// `adopted`, `adopted_by` and `decision_ref`; when the right body did adopt it, record
    /// `adopted_by`. The minimum bodies are registry data (`registry/document_types.toml`).
    ///
    /// ## References
    /// - Kommunallag (2017:725) 5 kap. 1 §, 6 kap. 1 §, 7 kap. 5 §
    /// - MSB (MCF), Metodstöd för LIS: styrdokument och beslutsnivåer
    /// - ISO/IEC 27001:2022, 5.1 and 5.2
    pub struct AdoptedBelowRequiredBody {
        code: "DOC003",
        name: "adopted-below-required-body",
        severity: Warning,
        summary: "adopted steering document whose adopting body ranks below what its type requires",
    }
}

impl Rule for AdoptedBelowRequiredBody {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        // The lowest rank: a type whose minimum is this may be adopted by any body.
        let any_body = cx.registry.bodies.iter().map(|b| b.rank).min().unwrap_or(0);
        for p in &cx.repo.policies {
            if !p.adopted_on(cx.as_of) {
                continue;
            }
            let Some(doc_type) = cx.registry.document_type(p.policy_type.as_str()) else {
                continue;
            };
            let Some(required) = cx.registry.body_rank(&doc_type.min_body) else {
                continue;
            };
            if required <= any_body {
                continue;
            }
            let d = match p.adopted_by {
                Some(body) => {
                    let rank = cx.registry.body_rank(body.as_str()).unwrap_or(0);
                    if rank >= required {
                        continue;
                    }
                    let d = sink.record(p, "/adopted_by");
                    d.arg("adopted_by", body.as_str());
                    match p.adopted {
                        Some(adopted) => d.arg("dated", "yes").arg("adopted", adopted),
                        None => d.arg("dated", "no"),
                    }
                }
                None => {
                    let pointer = if p.src.spans.contains("/adopted_by") {
                        "/adopted_by"
                    } else if p.adopted.is_some() {
                        "/adopted"
                    } else {
                        ""
                    };
                    sink.record(p, pointer).says("DOC003-unrecorded")
                }
            };
            d.arg("doc_type", &doc_type.id)
                .arg("title", &p.title)
                .arg("min_body", &doc_type.min_body)
                .arg(
                    "required_scope",
                    required_scope(cx.registry, &doc_type.min_body),
                );
        }
    }
}
