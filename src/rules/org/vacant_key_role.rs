use crate::rules::org::key_roles;
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds each key role of the organisation record (`roles`) that is missing or blank:
    /// `information_security_coordinator`, `it_security_coordinator`, `security_chief` and
    /// `data_protection_officer`. Each vacancy is one finding, at the role's key when it is
    /// written (blank), else at `roles`, else at the record. A repository with no
    /// organisation record at all gets one repository-wide finding naming all four roles.
    ///
    /// ## Why it matters
    /// The coordinators keep the management system running; the security chief carries
    /// protective security (säkerhetsskydd) and crisis preparedness; a public authority must designate a data
    /// protection officer (GDPR art. 37(1)(a)). A vacancy stops the work it carries, and
    /// municipal audits ask for each role by name. ISO/IEC 27001:2022 clause 5.3 requires
    /// the roles relevant to information security to be assigned. MSB's method support names
    /// the coordinator roles among the first steps of the work.
    ///
    /// ## Example
    /// ```yaml
    /// kind: organisation
    /// id: exempelstad
    /// name: Exempelstad kommun
    /// roles:
    ///   information_security_coordinator: Anna Andersson
    ///   it_security_coordinator: Bo Berg
    ///   security_chief: ""                 # blank: reported
    ///   data_protection_officer: Dan Dahl
    /// ```
    /// Not reported: a role with a holder's name (or a function's, e.g. "Kommunjurist").
    ///
    /// ## How to fix
    /// Appoint someone to the role (or an interim holder) and record the name under
    /// `roles`. When the role is held by a shared function (e.g. a DPO shared with
    /// neighbouring municipalities), record that function.
    ///
    /// ## References
    /// - GDPR art. 37–39 (data protection officer)
    /// - ISO/IEC 27001:2022, 5.3 (roles, responsibilities and authorities)
    /// - MSB (MCF), Metodstöd för LIS: organisation, roller och ansvar
    /// - Säkerhetsskyddslag (2018:585), as amended 2021-12-01: an operator under the law
    ///   appoints a säkerhetsskyddschef, a task the security chief often holds
    pub struct VacantKeyRole {
        code: "ORG002",
        name: "vacant-key-role",
        severity: Error,
        summary: "a key role vacant: information security coordinator, IT security coordinator, security chief, data protection officer",
    }
}

impl Rule for VacantKeyRole {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(org) = cx.repo.organisation.first() else {
            let vacant: Vec<String> = key_roles(cx).iter().map(|(f, _)| (*f).to_owned()).collect();
            sink.repository()
                .says("ORG002-no-organisation")
                .arg("vacant", vacant);
            return;
        };
        for (field, holder) in key_roles(cx) {
            if holder.is_some() {
                continue;
            }
            let at = format!("/roles/{field}");
            let pointer = if org.src.spans.contains(&at) {
                at.as_str()
            } else if org.src.spans.contains("/roles") {
                "/roles"
            } else {
                ""
            };
            // The template names the role by the subject, its field.
            sink.record(org, pointer).with_subject(field);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Language};
    use crate::model::Date;
    use crate::repo::Repository;
    use crate::repo::derived::Derived;

    /// Without an organisation record there is no record to point at: the finding names
    /// every role, in either language.
    #[test]
    fn no_organisation_record_gives_one_finding_naming_every_role() {
        let repo = Repository::default();
        let as_of = Date::parse("2024-11-12").expect("date");
        let derived = Derived::compute(&repo, as_of);
        for (language, roles) in [
            (
                Language::Sv,
                [
                    "informationssäkerhetssamordnare",
                    "IT-säkerhetssamordnare",
                    "säkerhetschef",
                    "dataskyddsombud",
                ],
            ),
            (
                Language::En,
                [
                    "information security coordinator",
                    "IT security coordinator",
                    "security chief",
                    "data protection officer",
                ],
            ),
        ] {
            let config = Config {
                language,
                ..Config::default()
            };
            let cx = Context {
                repo: &repo,
                config: &config,
                derived: &derived,
                registry: crate::registry::registry(),
                as_of,
                tz: jiff::tz::TimeZone::UTC,
                say: true,
                frameworks: Default::default(),
                plans_by_asset: Default::default(),
            };
            let mut sink = Sink::new(&VacantKeyRole::META, &cx);
            VacantKeyRole.check(&cx, &mut sink);
            let (found, _) = sink.into_parts();
            assert_eq!(found.len(), 1);
            for role in roles {
                assert!(found[0].message.contains(role), "{}", found[0].message);
            }
        }
    }
}
