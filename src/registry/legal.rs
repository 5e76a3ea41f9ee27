//! The law as data: adequacy decisions for third countries, and the incident reporting
//! regimes with their periods in force and their deadlines.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Text;

/// An EU adequacy decision for a third country (GDPR art. 45).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AdequacyDecision {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub name: Text,
    pub decided: Date,
    /// e.g. `Commission Implementing Decision (EU) 2023/1795`.
    pub instrument: String,
    /// Only part of the country's recipients are covered (e.g. Canada: PIPEDA organisations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    /// The `transfer_safeguard` an asset must declare to rely on the decision (US: `dpf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires_safeguard: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewed: Option<Date>,
    /// Last day the decision applies (a sunset clause); `None` = until repealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
}

impl AdequacyDecision {
    /// Whether the decision applied on `date` (both ends inclusive).
    #[must_use]
    pub fn in_force_on(&self, date: Date) -> bool {
        self.decided <= date && self.expires.is_none_or(|end| date <= end)
    }
}

/// Which report a deadline is for; the values of a notification's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationStage {
    EarlyWarning,
    Initial,
    Final,
}

impl NotificationStage {
    /// The stage as records write it in a notification's `kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationStage::EarlyWarning => "early_warning",
            NotificationStage::Initial => "initial",
            NotificationStage::Final => "final",
        }
    }
}

/// What a deadline's clock starts at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStart {
    /// The incident's `detected` time.
    Detection,
    /// The time the initial notification was sent.
    Initial,
}

/// One reporting deadline of a regime: `kind` due within `hours` or `months` of `from`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportingDeadline {
    pub kind: NotificationStage,
    // u16 keeps every value inside jiff's span limits, so `within` cannot panic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u16>,
    pub from: DeadlineStart,
}

impl ReportingDeadline {
    /// The time allowed, as a span to add to the start (calendar months, not 30 days).
    #[must_use]
    pub fn within(&self) -> jiff::Span {
        let span = jiff::Span::new().hours(self.hours.unwrap_or(0));
        span.months(self.months.unwrap_or(0))
    }

    /// The time allowed in words, e.g. `72 h` or `1 month`.
    #[must_use]
    pub fn describe(&self) -> String {
        match (self.hours, self.months) {
            (_, Some(1)) => "1 month".to_owned(),
            (_, Some(months)) => format!("{months} months"),
            (Some(hours), None) => format!("{hours} h"),
            (None, None) => "0 h".to_owned(),
        }
    }
}

/// An incident reporting regime and the period it governs incidents detected in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    pub id: String,
    pub name: Text,
    /// The legal source, e.g. `Cybersäkerhetslag (2025:1506) 2 kap. 5-8 §§`.
    pub law: String,
    /// `personal_data_breach` or `significant_incident`.
    pub applies_to: String,
    pub from: Date,
    /// Last day in force (inclusive); `None` = still in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// The notification `to` value the regime names as recipient.
    pub authority: String,
    /// Every notification `to` value that counts as reporting under the regime.
    pub recipients: Vec<String>,
    /// Deadlines isms checks; none where the law sets no time limit ("without undue delay").
    #[serde(default)]
    pub deadlines: Vec<ReportingDeadline>,
    /// From when another recipient is the one to report to (CERT-SE's move to NCSC).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authorities: Vec<AuthorityChange>,
    /// Stages recorded for the reader that isms does not check (secondary sources, or no
    /// record kind for them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unchecked: Vec<UncheckedStage>,
}

/// The authority in force on `date`: the latest of `changes` from that date or before, else
/// `first`.
pub(super) fn authority_on<'a>(
    first: &'a str,
    changes: &'a [AuthorityChange],
    date: Date,
) -> &'a str {
    changes
        .iter()
        .filter(|a| a.from <= date)
        .max_by_key(|a| a.from)
        .map_or(first, |a| a.authority.as_str())
}

/// A change of the recipient a regime's reports go to, from a date.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityChange {
    pub from: Date,
    pub authority: String,
    pub source: String,
    /// `primary` or `secondary`: whether the fact rests on the legal text itself.
    pub source_quality: String,
}

/// A reporting stage of a regime that isms records but does not check.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UncheckedStage {
    pub sv: String,
    pub en: String,
    pub source: String,
    pub source_quality: String,
}

impl Regime {
    /// Whether the regime governs an incident detected on `date`.
    #[must_use]
    pub fn in_force_on(&self, date: Date) -> bool {
        self.from <= date && self.until.is_none_or(|end| date <= end)
    }

    /// The recipient the regime's reports go to on `date`.
    #[must_use]
    pub fn authority_on(&self, date: Date) -> &str {
        authority_on(&self.authority, &self.authorities, date)
    }

    /// The deadline for a report of `kind`, if the regime has one.
    #[must_use]
    pub fn deadline(&self, kind: NotificationStage) -> Option<&ReportingDeadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::registry::registry;

    #[test]
    fn adequacy_decisions() {
        let r = registry();
        let us = r.adequacy("us").expect("US decision");
        assert_eq!(us.requires_safeguard.as_deref(), Some("dpf"));
        assert_eq!(us.decided, date(2023, 7, 10));
        assert!(us.instrument.contains("2023/1795"));
        assert!(
            r.adequacy("CH")
                .is_some_and(|d| d.requires_safeguard.is_none())
        );
        assert!(r.adequacy("CN").is_none());
        let gb = r.adequacy("GB").expect("UK decision");
        assert!(gb.in_force_on(date(2026, 6, 1)));
        assert!(!gb.in_force_on(date(2032, 1, 1)));
        for d in &r.adequacy {
            assert!(
                !r.is_eu_eea(&d.country),
                "{} is not a third country",
                d.country
            );
            assert_eq!(d.country.len(), 2);
            assert_eq!(d.country, d.country.to_ascii_uppercase());
        }
    }

    #[test]
    fn regime_boundary_between_nis_and_cybersecurity_law() {
        let r = registry();
        let before = r
            .regime_for("significant_incident", date(2026, 1, 14))
            .expect("NIS law");
        assert_eq!(before.id, "nis-2019");
        // MSBFS 2018:9 and its six hours from 2019-03-01; before that, no hour limit.
        let first = r
            .regime_for("significant_incident", date(2019, 2, 28))
            .expect("NIS law");
        assert_eq!((first.id.as_str(), first.deadlines.len()), ("nis-2018", 0));
        let msbfs = r
            .regime_for("significant_incident", date(2019, 3, 1))
            .expect("NIS law");
        assert_eq!(msbfs.id, "nis-2019");
        assert_eq!(
            msbfs
                .deadline(NotificationStage::Initial)
                .and_then(|d| d.hours),
            Some(6)
        );
        assert!(
            msbfs
                .unchecked
                .iter()
                .all(|u| u.source_quality == "secondary")
        );
        let after = r
            .regime_for("significant_incident", date(2026, 1, 15))
            .expect("cybersecurity law");
        assert_eq!(after.id, "cybersecurity-2026");
        assert_eq!(
            after
                .deadline(NotificationStage::EarlyWarning)
                .map(ReportingDeadline::describe),
            Some("24 h".to_owned())
        );
        assert_eq!(
            after
                .deadline(NotificationStage::Final)
                .map(|d| (d.describe(), d.from)),
            Some(("1 month".to_owned(), DeadlineStart::Initial))
        );
        assert!(
            r.regime_for("significant_incident", date(2018, 7, 31))
                .is_none()
        );
        let gdpr = r
            .regime_for("personal_data_breach", date(2023, 5, 2))
            .expect("GDPR");
        assert_eq!(
            gdpr.deadline(NotificationStage::Initial)
                .and_then(|d| d.hours),
            Some(72)
        );
        assert!(
            r.regime_for("personal_data_breach", date(2018, 5, 24))
                .is_none()
        );
    }

    #[test]
    fn deadlines_have_exactly_one_unit_and_recipients_include_authority() {
        for regime in &registry().regimes {
            assert!(
                regime.recipients.contains(&regime.authority),
                "{}",
                regime.id
            );
            // Only the NIS law before MSBFS 2018:9 set no time limit.
            assert!(
                !regime.deadlines.is_empty() || regime.id == "nis-2018",
                "{}",
                regime.id
            );
            for change in &regime.authorities {
                assert!(
                    regime.recipients.contains(&change.authority),
                    "{}",
                    regime.id
                );
                assert!(["primary", "secondary"].contains(&change.source_quality.as_str()));
            }
            for d in &regime.deadlines {
                assert!(
                    d.hours.is_some() != d.months.is_some(),
                    "{}: {:?} needs exactly one of hours/months",
                    regime.id,
                    d.kind
                );
            }
        }
    }

    #[test]
    fn reports_go_to_ncsc_from_july_2026() {
        let r = registry();
        let law = r
            .regime_for("significant_incident", date(2026, 2, 1))
            .expect("cybersecurity law");
        assert_eq!(law.authority_on(date(2026, 6, 30)), "cert_se");
        assert_eq!(law.authority_on(date(2026, 7, 1)), "ncsc");
    }

    #[test]
    fn eu_territory_with_its_own_code_is_not_a_third_country() {
        let r = registry();
        for code in ["AX", "GF", "GP", "MQ", "RE", "YT", "MF", "ax"] {
            assert!(r.is_eu_eea(code), "{code}");
        }
        for code in ["FO", "PF", "GL", "NC"] {
            assert!(!r.is_eu_eea(code), "{code}");
        }
        for t in &r.eu_territories {
            assert!(r.eu.contains(&t.of), "{}", t.code);
            assert!(r.is_country(&t.code), "{}", t.code);
        }
        let brazil = r.adequacy("BR").expect("Brazil");
        assert!(!brazil.in_force_on(date(2026, 1, 25)));
        assert!(brazil.in_force_on(date(2026, 1, 26)));
    }

    #[test]
    fn deadline_span_is_calendar_aware() {
        let final_report = registry()
            .regimes
            .iter()
            .find(|r| r.id == "cybersecurity-2026")
            .and_then(|r| r.deadline(NotificationStage::Final))
            .expect("final report deadline");
        let sent = date(2026, 1, 31).at(12, 0, 0, 0);
        let due = sent.checked_add(final_report.within()).expect("in range");
        assert_eq!(due, date(2026, 2, 28).at(12, 0, 0, 0));
    }
}
