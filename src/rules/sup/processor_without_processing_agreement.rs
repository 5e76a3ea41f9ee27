use crate::rules::{Context, Rule, Sink, declare_rule};

use super::at_field;

declare_rule! {
    /// ## What it does
    /// Finds active suppliers with `processor: true` (they process personal data on the
    /// organisation's behalf) and no data processing agreement: `contract.dpa` is absent or
    /// empty (`dpa: null`). Critical or not, every processor needs one. The finding points at
    /// `dpa`, or at the record when the field is absent. A `dpa` dated after the as-of date
    /// was not signed yet on that day, and is reported too (`agreement`: `later`, with the
    /// date, rather than `none`), so that `--as-of` reproduces the day.
    ///
    /// Where a processor stores or processes the data is checked by CLD001, as for assets:
    /// a country in the supplier's `countries` outside the EU/EEA with no transfer ground is
    /// reported by CLD001 on the supplier record (see `isms explain CLD001`).
    ///
    /// ## Why it matters
    /// GDPR art. 28(3) requires processing by a processor to be governed by a contract or
    /// other legal act that binds the processor to the controller and sets out the subject
    /// matter, duration, nature and purpose of the processing, the types of personal data
    /// and the controller's instructions; art. 28(9) requires it in writing. Without a
    /// personuppgiftsbiträdesavtal the municipality cannot show that the processing is
    /// lawful. Under NIS2 art. 21(2)(d) and the cybersecurity law the same agreement is
    /// where a supplier's duties for the data are written down.
    ///
    /// ## Example
    /// ```yaml
    /// kind: supplier
    /// id: voicescribe
    /// name: VoiceScribe Ltd
    /// processor: true
    /// contract:
    ///   signed: 2025-10-01    # no dpa: error at the record
    /// ```
    /// Not reported: the same supplier with `dpa: 2025-10-01`, or with `processor: false`,
    /// or `status: ended`.
    ///
    /// ## How to fix
    /// Sign a data processing agreement (personuppgiftsbiträdesavtal) with the supplier, for
    /// example on SKR's template or the Commission's standard contractual clauses under
    /// art. 28(7), and record its date in `contract.dpa`. If the supplier does not process
    /// personal data on your behalf, record `processor: false`.
    ///
    /// ## References
    /// - Regulation (EU) 2016/679 (GDPR), art. 28(3), 28(7) and 28(9)
    /// - Commission Implementing Decision (EU) 2021/915 (standard contractual clauses between
    ///   controllers and processors)
    /// - EDPB, Guidelines 07/2020 on the concepts of controller and processor in the GDPR
    /// - Directive (EU) 2022/2555 (NIS2), art. 21(2)(d); cybersäkerhetslag (2025:1506)
    /// - IMY, om personuppgiftsbiträden och personuppgiftsbiträdesavtal
    pub struct ProcessorWithoutProcessingAgreement {
        code: "SUP003",
        name: "processor-without-processing-agreement",
        severity: Error,
        summary: "an active supplier that processes personal data with no data processing agreement",
    }
}

impl Rule for ProcessorWithoutProcessingAgreement {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for supplier in &cx.repo.suppliers {
            if !supplier.is_active() || !supplier.processor {
                continue;
            }
            let signed = supplier.contract.dpa;
            if signed.is_some_and(|date| date <= cx.as_of) {
                continue;
            }
            let d = sink
                .record(supplier, at_field(supplier, "/contract/dpa"))
                .arg("name", &supplier.name);
            match signed {
                Some(date) => d.arg("agreement", "later").arg("dpa", date),
                None => d.arg("agreement", "none"),
            };
        }
    }
}
