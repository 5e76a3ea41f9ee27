//! `isms report audit`: absence of evidence is not compliance. On small repositories built
//! here, each of the ten questions that must have something to count answers No and names
//! what is missing when its records are not there, and the rule behind its key figure
//! reports the gap where its specification lets it; questions 9 and 12 may have nothing in
//! scope (Yes, or No with an error); and the cases (plans never exercised, no
//! training campaign) get the verdicts the audits gave. The verdict arithmetic itself is
//! tested in `report::audit`.

use isms::config::Language;
use isms::model::Date;
use isms::repo::session::Session;
use isms::report::{self, Input, Which};
use serde_json::Value;

use crate::support::{PROVKOMMUN, TempRepo, overlay};

const AS_OF: &str = "2026-11-28";

/// With [`PROVKOMMUN`], a repository in which every question has something to count, as
/// (path, text): roles and a unit, both required document types (governing every required topic), a decided plan
/// with an activity, a training campaign, a management review and an audit, a critical,
/// classified asset in an exercised continuity plan, and a verified measure for monitoring
/// and intrusion detection. No incidents and no cloud services: questions 9 and 12 have
/// nothing in scope.
const REST: &[(&str, &str)] = &[
    (
        "policies/isp.yaml",
        "kind: policy\nid: isp\ntitle: Informationssäkerhetspolicy\ntype: information_security_policy\nstatus: adopted\nadopted: 2025-01-20\nadopted_by: municipal_council\ntopics: [incident_management, classification, continuity, cloud_services]\n",
    ),
    (
        "policies/riktlinje.yaml",
        "kind: policy\nid: riktlinje\ntitle: Riktlinjer\ntype: guideline\nstatus: adopted\nadopted: 2025-02-10\nadopted_by: executive_board\n",
    ),
    (
        "plans/hp-2026.yaml",
        "kind: plan\nid: hp-2026\nyear: 2026\ntitle: Handlingsplan 2026\ndecided: 2026-02-01\n",
    ),
    (
        "activities/act-1.yaml",
        "kind: activity\nid: act-1\nplan: hp-2026\ntitle: Klassa systemen\nstatus: planned\ndue: 2026-12-31\n",
    ),
    (
        "training/nano.yaml",
        "kind: training\nid: nano\ntitle: Nano\ntype: nano_learning\nstart: 2026-01-10\nend: 2026-10-20\nresults:\n  - unit: social\n    targeted: 100\n    completed: 95\n",
    ),
    (
        "reviews/lg-2026.yaml",
        "kind: review\nid: lg-2026\ntitle: Ledningens genomgång 2026\ntype: management_review\ndate: 2026-03-16\npresented_to: executive_board\n",
    ),
    (
        "reviews/revision-2026.yaml",
        "kind: review\nid: revision-2026\ntitle: Internrevision 2026\ntype: internal_audit\ndate: 2026-05-04\n",
    ),
    (
        "assets/ekonomi.yaml",
        "kind: asset\nid: ekonomi\nname: Ekonomisystemet\ntype: system\nstatus: active\nowner: Ekonomichef\nadministrator: F\ncritical: true\npersonal_data: none\nsecrecy: false\n",
    ),
    (
        "classifications/ekonomi.yaml",
        "kind: classification\nid: ekonomi-2026\nasset: ekonomi\ndate: 2026-01-15\nconfidentiality: 2\nintegrity: 2\navailability: 2\n",
    ),
    (
        "continuity/kp.yaml",
        "kind: continuity_plan\nid: kp\ntitle: Kontinuitetsplan\nassets: [ekonomi]\ndocumented: 2025-01-01\nexercises:\n  - date: 2026-05-01\n    type: restore_test\n    outcome: passed\n",
    ),
    (
        "measures/soc.yaml",
        "kind: measure\nid: soc\ntitle: SOC\nprovides: [monitoring, intrusion_detection]\nscope: organisation\nstatus: implemented\nimplemented: 2025-01-01\nlast_verified: 2026-06-01\n",
    ),
];

/// The base repository ([`PROVKOMMUN`] and the records above) with `files` written over
/// it (an empty text removes the file).
fn repo(files: &[(&str, &str)]) -> TempRepo {
    let base: Vec<(&str, &str)> = PROVKOMMUN.iter().chain(REST).copied().collect();
    overlay(&base, files)
}

/// The audit's questions for `repo` in `lang`, checked by the rules as `isms report` does.
fn questions(repo: &TempRepo, lang: Language) -> Vec<Value> {
    let session = Session::open(repo.path()).expect("open");
    assert!(
        session.repo.problems.is_empty(),
        "{:#?}",
        session.repo.problems
    );
    let input = Input::new(&session, Date::parse(AS_OF).expect("date"), lang);
    let data = report::data(&input, &Which::Audit).expect("data");
    data["questions"].as_array().expect("questions").clone()
}

/// Question `n` of the English audit of `repo`.
fn question(repo: &TempRepo, n: usize) -> Value {
    questions(repo, Language::En)[n - 1].clone()
}

/// The codes of a question's error findings.
fn errors(q: &Value) -> Vec<String> {
    q["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| f["code"].as_str().expect("code").to_owned())
        .collect()
}

/// The message of the question's first finding of `code`.
fn message(q: &Value, code: &str) -> String {
    q["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == code)
        .and_then(|f| f["message"].as_str())
        .unwrap_or_else(|| panic!("no {code} in {q:#}"))
        .to_owned()
}

/// Question `n` answers No with nothing to count: the key figure is 0 % and the answer
/// names `missing`.
#[track_caller]
fn assert_missing(q: &Value, missing: &str) {
    assert_eq!(q["verdict"], "no", "{q:#}");
    assert_eq!(q["missing"], missing, "{q:#}");
    assert!(q["scope_note"].is_null(), "{q:#}");
    assert_eq!(q["key_figure"]["value"], 0.0, "{q:#}");
}

#[test]
fn the_base_repository_has_something_to_count_for_every_question() {
    let repo = repo(&[]);
    for q in questions(&repo, Language::En) {
        assert!(q["missing"].is_null(), "{q:#}");
        let n = q["number"].as_u64().expect("number");
        if n == 9 || n == 12 {
            assert_eq!(q["in_scope"], false, "{q:#}");
        } else {
            assert_eq!(q["in_scope"], true, "{q:#}");
        }
        // Something to count, and no gap below half of a target: never No.
        assert_ne!(q["verdict"], "no", "{q:#}");
    }
}

#[test]
fn q1_no_required_document_type() {
    let repo = repo(&[(
        "isms.toml",
        "organisation = \"Provkommun\"\nlanguage = \"en\"\n[policies]\nrequired_types = []\n",
    )]);
    let q = question(&repo, 1);
    assert_missing(&q, "no document type is configured as required");
    assert_eq!(q["key_figure"]["denominator"], 0);
}

#[test]
fn q2_no_organisation_record_and_no_units() {
    // The unit goes, and with it the training results that name it.
    let repo = repo(&[
        ("organisation.yaml", ""),
        ("units/social.yaml", ""),
        ("training/nano.yaml", ""),
    ]);
    let q = question(&repo, 2);
    assert_missing(
        &q,
        "no organisation record with the key roles, and no committees, companies or federations",
    );
    // Four vacant roles still count, and ORG002 reports them.
    assert_eq!(q["key_figure"]["denominator"], 4);
    assert_eq!(errors(&q), ["ORG002"]);
    // With the organisation record, the roles are there to count: not missing.
    let repo = self::repo(&[("units/social.yaml", ""), ("training/nano.yaml", "")]);
    assert!(question(&repo, 2)["missing"].is_null());
}

#[test]
fn q3_no_plan_or_no_activities() {
    let repo = repo(&[("plans/hp-2026.yaml", ""), ("activities/act-1.yaml", "")]);
    let q = question(&repo, 3);
    assert_missing(&q, "no action plan for 2026");
    assert_eq!(errors(&q), ["PLAN001"]);
    // A decided plan with no activity: PLAN001 is satisfied, so no rule raises an error
    // (PLAN004 finds goals without activities, and this plan has none), yet the answer is No.
    let repo = self::repo(&[("activities/act-1.yaml", "")]);
    let q = question(&repo, 3);
    assert_missing(&q, "the action plan for 2026 has no activities");
    assert!(errors(&q).is_empty(), "{q:#}");
    // Cancelled activities are left out of the figure, and said so.
    let repo = self::repo(&[(
        "activities/act-1.yaml",
        "kind: activity\nid: act-1\nplan: hp-2026\ntitle: Klassa systemen\nstatus: cancelled\n",
    )]);
    assert_missing(
        &question(&repo, 3),
        "the action plan for 2026 has no activities other than cancelled ones",
    );
}

#[test]
fn q4_no_training_campaign_and_cul001_says_so() {
    let repo = repo(&[("training/nano.yaml", "")]);
    let q = question(&repo, 4);
    assert_missing(&q, "no training campaign in the last 12 months");
    assert_eq!(errors(&q), ["CUL001"]);
    assert_eq!(
        message(&q, "CUL001"),
        "no training campaign in the last 12 months: training completion organisation-wide counts as 0 %, below the target of 90 %"
    );
    assert_eq!(q["key_figure"]["value_text"], "0%");
    // A campaign that ended before the window counts for nothing.
    let old = "kind: training\nid: nano\ntitle: Nano\ntype: nano_learning\nstart: 2025-01-10\nend: 2025-10-20\nresults:\n  - unit: social\n    targeted: 100\n    completed: 95\n";
    let q = question(&self::repo(&[("training/nano.yaml", old)]), 4);
    assert_missing(&q, "no training campaign in the last 12 months");
    assert_eq!(errors(&q), ["CUL001"]);
    // A campaign of the window with no results reported yet: nothing counted either.
    let pending = "kind: training\nid: nano\ntitle: Nano\ntype: nano_learning\nstart: 2026-10-01\nresults:\n  - unit: social\n    targeted: 100\n";
    let q = question(&self::repo(&[("training/nano.yaml", pending)]), 4);
    assert_missing(
        &q,
        "no reported results from the training campaign of the last 12 months",
    );
    assert!(
        message(&q, "CUL001")
            .starts_with("1 training campaign in the last 12 months, but no reported results"),
        "{q:#}"
    );
}

#[test]
fn q5_no_units() {
    // A department is no member unit: nothing for the follow-up figure to count.
    let repo = repo(&[(
        "units/social.yaml",
        "kind: unit\nid: social\nname: Socialförvaltningen\ntype: department\n",
    )]);
    let q = question(&repo, 5);
    assert_missing(&q, "no committees, companies or federations registered");
    // FUP003 reports units not followed up; with no unit it has nothing to report.
    assert!(q["findings"].as_array().expect("findings").is_empty());
}

#[test]
fn q6_and_q10_no_assets() {
    let repo = repo(&[
        ("assets/ekonomi.yaml", ""),
        ("classifications/ekonomi.yaml", ""),
        ("continuity/kp.yaml", ""),
    ]);
    let qs = questions(&repo, Language::En);
    assert_missing(&qs[5], "no assets registered");
    assert_missing(&qs[9], "no assets registered");
    // CLS001 and BCM001 report assets; with none they report nothing.
    assert!(errors(&qs[5]).is_empty() && errors(&qs[9]).is_empty());
}

#[test]
fn q6_and_q10_no_asset_in_their_scope() {
    // One active asset, neither critical nor sensitive: nothing that must be classified,
    // and no critical asset for the continuity figure.
    let plain = "kind: asset\nid: ekonomi\nname: Ekonomisystemet\ntype: system\nstatus: active\nowner: Ekonomichef\nadministrator: F\ncritical: false\npersonal_data: none\nsecrecy: false\n";
    let repo = repo(&[("assets/ekonomi.yaml", plain)]);
    let qs = questions(&repo, Language::En);
    assert_missing(
        &qs[5],
        "the one active asset is not critical, holds no sensitive personal data, is not under secrecy and supports no essential service",
    );
    assert_missing(&qs[9], "the one active asset is not critical");
}

#[test]
fn q7_no_implemented_measures() {
    let planned = "kind: measure\nid: soc\ntitle: SOC\nprovides: [monitoring, intrusion_detection]\nscope: organisation\nstatus: planned\n";
    let repo = repo(&[("measures/soc.yaml", planned)]);
    let qs = questions(&repo, Language::En);
    assert_missing(&qs[6], "no implemented security measures registered");
    // Question 8 has nothing either, and SEC005 reports it.
    assert_missing(
        &qs[7],
        "no implemented measure provides monitoring or intrusion detection",
    );
    assert_eq!(errors(&qs[7]), ["SEC005"]);
}

#[test]
fn q8_no_measure_for_monitoring() {
    let other = "kind: measure\nid: soc\ntitle: Loggning\nprovides: [access_logging]\nscope: organisation\nstatus: implemented\nimplemented: 2025-01-01\nlast_verified: 2026-06-01\n";
    let repo = repo(&[("measures/soc.yaml", other)]);
    let qs = questions(&repo, Language::En);
    assert!(qs[6]["missing"].is_null(), "{:#}", qs[6]);
    let q = &qs[7];
    assert_missing(
        q,
        "no implemented measure provides monitoring or intrusion detection",
    );
    assert_eq!(q["key_figure"]["denominator"], 2);
    assert_eq!(errors(q), ["SEC005"]);
    // Provided but not verified in time is something to count: 0 % with SEC005's error.
    let stale = "kind: measure\nid: soc\ntitle: SOC\nprovides: [monitoring, intrusion_detection]\nscope: organisation\nstatus: implemented\nimplemented: 2023-01-01\nlast_verified: 2024-06-01\n";
    let q = question(&self::repo(&[("measures/soc.yaml", stale)]), 8);
    assert!(q["missing"].is_null(), "{q:#}");
    assert_eq!(q["verdict"], "no");
}

#[test]
fn q11_no_follow_ups() {
    let repo = repo(&[
        ("reviews/lg-2026.yaml", ""),
        ("reviews/revision-2026.yaml", ""),
    ]);
    let q = question(&repo, 11);
    assert_missing(
        &q,
        "no management review to the executive board in the last 12 months and no audit of the ISMS in the last 24 months",
    );
    assert_eq!(errors(&q), ["FUP001"]);
    // The review without the audit is something to count: 50 %, and FUP002 only warns,
    // so Partly (no error, but below three quarters of the target).
    let repo = self::repo(&[("reviews/revision-2026.yaml", "")]);
    let q = question(&repo, 11);
    assert!(q["missing"].is_null(), "{q:#}");
    assert_eq!(q["key_figure"]["value"], 0.5);
    assert_eq!(q["verdict"], "partly");
}

#[test]
fn q9_and_q12_may_be_empty() {
    let repo = repo(&[]);
    let qs = questions(&repo, Language::En);
    for (q, note) in [
        (&qs[8], "no incidents in the last 12 months"),
        (&qs[11], "no cloud or SaaS services"),
    ] {
        assert_eq!(q["verdict"], "yes", "{q:#}");
        assert_eq!(q["scope_note"], note);
        assert!(q["missing"].is_null());
        assert!(q["key_figure"]["value"].is_null());
        assert_eq!(q["key_figure"]["value_text"], "–");
    }
    // No adopted document governs incidents or cloud services: DOC005's errors make both No.
    let repo = self::repo(&[(
        "policies/isp.yaml",
        "kind: policy\nid: isp\ntitle: Informationssäkerhetspolicy\ntype: information_security_policy\nstatus: adopted\nadopted: 2025-01-20\nadopted_by: municipal_council\ntopics: [classification, continuity]\n",
    )]);
    let qs = questions(&repo, Language::En);
    for q in [&qs[8], &qs[11]] {
        assert_eq!(q["in_scope"], false, "{q:#}");
        assert_eq!(errors(q), ["DOC005"], "{q:#}");
        assert_eq!(q["verdict"], "no", "{q:#}");
        assert!(q["missing"].is_null());
    }
}

/// The first case: continuity plans never exercised give warnings only (BCM002,
/// BCM003), and a key figure of 0 %: Partly, not Yes.
#[test]
fn plans_never_exercised_are_partly() {
    let repo = repo(&[(
        "continuity/kp.yaml",
        "kind: continuity_plan\nid: kp\ntitle: Kontinuitetsplan\nassets: [ekonomi]\ndocumented: 2025-01-01\n",
    )]);
    let q = question(&repo, 10);
    assert_eq!(q["key_figure"]["value"], 0.0);
    assert!(errors(&q).is_empty(), "{q:#}");
    assert!(q["warnings"].as_u64() >= Some(1), "{q:#}");
    assert!(q["missing"].is_null());
    assert_eq!(q["verdict"], "partly");
}

/// Training completion against the 90 % target, without errors where CUL001 is met and with
/// its errors below: the boundaries of the verdict on real findings.
#[test]
fn training_completion_at_the_boundaries() {
    let campaign = |completed: u64| {
        format!(
            "kind: training\nid: nano\ntitle: Nano\ntype: nano_learning\nstart: 2026-01-10\nend: 2026-10-20\nresults:\n  - unit: social\n    targeted: 200\n    completed: {completed}\n"
        )
    };
    // (completed of 200, verdict): 90 % meets CUL001 (Yes); 89.5 % is an error at
    // 99 % of the target (Partly); 45 % is exactly half of it (Partly); 44.5 % is just
    // below half (No).
    for (completed, verdict) in [(180, "yes"), (179, "partly"), (90, "partly"), (89, "no")] {
        let text = campaign(completed);
        let q = question(&repo(&[("training/nano.yaml", &text)]), 4);
        assert_eq!(q["verdict"], verdict, "{completed} of 200: {q:#}");
    }
}

/// A question with nothing to count says so in Swedish too, in words for the council.
#[test]
fn missing_is_said_in_swedish() {
    let repo = repo(&[
        ("training/nano.yaml", ""),
        ("plans/hp-2026.yaml", ""),
        ("activities/act-1.yaml", ""),
    ]);
    let qs = questions(&repo, Language::Sv);
    assert_eq!(qs[2]["missing"], "ingen handlingsplan för 2026");
    assert_eq!(
        qs[3]["missing"],
        "ingen utbildningsinsats de senaste tolv månaderna"
    );
    assert_eq!(qs[3]["verdict_label"], "Nej");
    assert_eq!(
        message(&qs[3], "CUL001"),
        "Ingen utbildningsinsats har genomförts de senaste tolv månaderna, så genomförandegraden i hela organisationen räknas som 0\u{a0}%, vilket är under målet på 90\u{a0}%."
    );
    let session = Session::open(repo.path()).expect("open");
    let input = Input::new(&session, Date::parse(AS_OF).expect("date"), Language::Sv);
    let text =
        report::render(&input, &Which::Audit, report::Format::Markdown, None).expect("render");
    assert!(
        text.contains("**Svar: Nej.** Nyckeltal: 0 %, mål 90 %. Underlag saknas: ingen utbildningsinsats de senaste tolv månaderna."),
        "{text}"
    );
}
