use crate::model::UnitType;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds committees, companies and federations (`type: committee`, `company`,
    /// `federation`) with no `security_representative`, or a blank one. The board and
    /// departments are not checked: the board leads the work, and a department is covered
    /// by its committee.
    ///
    /// ## Why it matters
    /// The information security work reaches the activities through the committees and the
    /// municipal companies and federations, each responsible for its own information. MSB's
    /// method support expects every part of the organisation to have an appointed function
    /// that carries the work locally (classification, incidents, follow-up); municipal
    /// audits check that committees and companies have one. ISO/IEC 27001:2022 clause 5.3
    /// requires responsibilities and authorities for information security to be assigned and
    /// communicated.
    ///
    /// ## Example
    /// ```yaml
    /// kind: unit
    /// id: vasterbo-energi
    /// name: Västerbo Energi AB
    /// type: company            # no security_representative: reported
    /// ```
    /// Not reported: the same company with `security_representative: Eva Ek`, or a unit of
    /// `type: department`.
    ///
    /// ## How to fix
    /// Have the committee, company or federation appoint a security representative
    /// (informationssäkerhetsombud) and record the name in `security_representative`.
    ///
    /// ## References
    /// - MSB (MCF), Metodstöd för LIS: organisation, roller och ansvar
    /// - ISO/IEC 27001:2022, 5.3 (roles, responsibilities and authorities)
    pub struct MissingSecurityRepresentative {
        code: "ORG001",
        name: "missing-security-representative",
        severity: Warning,
        summary: "a committee, company or federation without a security representative",
    }
}

impl Rule for MissingSecurityRepresentative {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        for u in cx.member_units() {
            if u.representative().is_some() {
                continue;
            }
            let kind = match u.unit_type {
                UnitType::Committee => "committee",
                UnitType::Company => "company",
                UnitType::Federation => "federation",
                UnitType::Board => "board",
                UnitType::Department => "department",
            };
            // A blank `security_representative:` is pointed at; an absent one at the record.
            let pointer = if u.src.spans.contains("/security_representative") {
                "/security_representative"
            } else {
                ""
            };
            sink.record(u, pointer)
                .arg("unit_type", kind)
                .arg("name", &u.name);
        }
    }
}
