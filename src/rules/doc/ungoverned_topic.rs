use crate::util::hash::{HashMap, HashSet};

use crate::model::{Policy, PolicyStatus};
use crate::rules::doc::{name_documents, words};
use crate::rules::{Context, Rule, Sink, declare_rule};

declare_rule! {
    /// ## What it does
    /// Finds each topic listed in `[policies] required_topics` (by default
    /// incident_management, classification, continuity and cloud_services) that no
    /// steering document with `status: adopted`, adopted on or before the as-of date, lists
    /// in its `topics` (one adopted later was still a draft then). Topics compare
    /// ignoring case. Drafts and repealed documents do not govern anything; the message
    /// names a draft that lists the topic, since adopting it closes the gap. The finding
    /// concerns the whole repository and points at the organisation record.
    ///
    /// The rule does not judge the document's age or adopting body: DOC001 and DOC003 do.
    ///
    /// ## Why it matters
    /// Incident handling, information classification, continuity and the use of cloud
    /// services are the areas municipal audits most often find without an organisation-wide
    /// steering document, or only with local routines. ISO/IEC 27001:2022 annex A 5.1 asks
    /// for topic-specific policies; A 5.12 (classification), A 5.24–5.26 (incidents), A 5.29
    /// and 5.30 (continuity) and A 5.23 (cloud services) each presuppose a decided way of
    /// working. MSB's method support and SKR's KLASSA build on them.
    ///
    /// ## Example
    /// ```yaml
    /// kind: policy
    /// id: riktlinjer-molntjanster-utkast
    /// title: Riktlinjer för molntjänster (utkast)
    /// type: guideline
    /// status: draft
    /// topics: [cloud_services]   # the only document on cloud services: reported
    /// ```
    /// Not reported: an adopted position or guideline with `topics: [cloud_services]`.
    ///
    /// ## How to fix
    /// Adopt a steering document that governs the topic (a guideline, routine or position)
    /// and list the topic in its `topics`; if an adopted document already covers it, add
    /// the topic to its `topics`. The required list is `[policies] required_topics`.
    ///
    /// ## References
    /// - ISO/IEC 27001:2022, annex A 5.1, 5.12, 5.23, 5.24–5.26, 5.29–5.30
    /// - MSB (MCF), Metodstöd för LIS: styrdokument
    /// - SKR, KLASSA (informationsklassning)
    pub struct UngovernedTopic {
        code: "DOC005",
        name: "ungoverned-topic",
        severity: Error,
        summary: "a required topic (`[policies] required_topics`) that no adopted steering document governs",
    }
}

impl Rule for UngovernedTopic {
    fn check(&self, cx: &Context<'_>, sink: &mut Sink<'_>) {
        let mut governed: HashSet<String> = HashSet::default();
        let mut drafts: HashMap<String, Vec<&Policy>> = HashMap::default();
        for p in &cx.repo.policies {
            for topic in &p.topics {
                let topic = topic.trim().to_lowercase();
                // Adopted after the as-of date: still a draft on that day.
                match p.status {
                    _ if p.adopted_on(cx.as_of) => {
                        governed.insert(topic);
                    }
                    PolicyStatus::Draft | PolicyStatus::Adopted => {
                        drafts.entry(topic).or_default().push(p)
                    }
                    PolicyStatus::Repealed => {}
                }
            }
        }
        let mut reported: HashSet<String> = HashSet::default();
        for required in &cx.config.policies.required_topics {
            let topic = required.trim().to_lowercase();
            if topic.is_empty() || governed.contains(&topic) || !reported.insert(topic.clone()) {
                continue;
            }
            let d = sink
                .repository()
                .with_subject(&topic)
                .arg("topic", &topic)
                .arg("topic_name", words(&topic));
            name_documents(
                d,
                "drafts",
                "draft_count",
                drafts.get(&topic).map_or(&[], Vec::as_slice),
            );
        }
    }
}
