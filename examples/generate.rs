//! Generates a synthetic ISMS repository of a given size, for benchmarks.
//!
//! `cargo run --release --example generate -- --records 100000 --seed 1 OUT`
//!
//! Every kind appears in realistic proportions, records are ~1–1.5 KB, references resolve,
//! and the usual gaps appear (old policies, unclassified assets, late notifications,
//! overdue activities). The same seed gives the same files, byte for byte.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

/// SplitMix64: small, fast and good enough for test data; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    fn date(&mut self, from_year: i32, to_year: i32) -> String {
        let y = from_year + self.below((to_year - from_year + 1) as u64) as i32;
        let m = 1 + self.below(12);
        let d = 1 + self.below(28);
        format!("{y}-{m:02}-{d:02}")
    }
}

const WORDS: &[&str] = &[
    "informationssäkerhet",
    "behörighet",
    "loggning",
    "kontinuitet",
    "socialtjänst",
    "skola",
    "vatten",
    "ekonomi",
    "personal",
    "diarium",
    "arkiv",
    "leverantör",
    "molntjänst",
    "säkerhetskopia",
    "återläsning",
    "nätverk",
    "klassning",
    "risk",
    "åtgärd",
    "uppföljning",
    "förvaltning",
    "nämnd",
];

fn text(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    s.push('.');
    s
}

struct Gen {
    rng: Rng,
    out: PathBuf,
    files: usize,
}

impl Gen {
    fn write(&mut self, rel: &str, body: &str) {
        let path = self.out.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("create folder");
        }
        fs::write(path, body).expect("write record");
        self.files += 1;
    }
}

fn main() {
    let mut records: usize = 2000;
    let mut seed: u64 = 1;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--records" => {
                records = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--records N")
            }
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            other => out = Some(PathBuf::from(other)),
        }
    }
    let out = out.expect("usage: generate [--records N] [--seed N] OUT");
    if out.exists()
        && fs::read_dir(&out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        eprintln!(
            "{} exists and is not empty; refusing to write into it",
            out.display()
        );
        std::process::exit(2);
    }
    let mut g = Gen {
        rng: Rng(seed),
        out: out.clone(),
        files: 0,
    };
    generate(&mut g, records);
    eprintln!(
        "wrote {} files for {records} records to {}",
        g.files,
        out.display()
    );
}

fn share(n: usize, per_mille: usize) -> usize {
    (n * per_mille / 1000).max(1)
}

fn generate(g: &mut Gen, n: usize) {
    let units = share(n, 6).max(8);
    let policies = share(n, 12).max(6);
    let assets = share(n, 180);
    let classifications = share(n, 160);
    let risks = share(n, 145);
    let measures = share(n, 36).max(10);
    let incidents = share(n, 120);
    let years = [2024, 2025, 2026];
    let activities = share(n, 180);
    let trainings = share(n, 24);
    let continuity = share(n, 36);
    let evaluations = share(n, 36);
    let reviews = share(n, 24).max(3);
    let findings = share(n, 36);
    let suppliers = share(n, 10).max(3);
    g.write(
        "isms.toml",
        "organisation = \"Syntetiska kommunen\"\nlanguage = \"sv\"\ntimezone = \"Europe/Stockholm\"\nframeworks = [\"iso27001-2022\", \"nis2-art21\"]\n\n[policies]\nwarn_age_years = 3\nmax_age_years = 5\n\n[training]\ncompletion_target = 0.9\nphishing_click_rate_max = 0.1\n",
    );
    g.write(
        "organisation.yaml",
        "kind: organisation\nid: syntetiska\nname: Syntetiska kommunen\nroles:\n  information_security_coordinator: Anna Andersson\n  it_security_coordinator: Bo Berg\n  security_chief: Cecilia Carlsson\n  data_protection_officer: Dan Dahl\ncouncil:\n  meetings: [2026-02-10, 2026-05-12, 2026-09-08]\ncybersecurity_act:\n  covered: true\n  entity_class: essential\n  registered: 2026-02-12\n",
    );
    let unit_types = [
        "committee",
        "committee",
        "committee",
        "company",
        "federation",
        "department",
    ];
    for u in 0..units {
        let t = if u == 0 {
            "board"
        } else {
            g.rng.pick(&unit_types)
        };
        let rep = if g.rng.chance(85) {
            format!("security_representative: Person {u}\n")
        } else {
            String::new()
        };
        let notes = text(&mut g.rng, 52);
        let body = format!(
            "kind: unit\nid: unit-{u}\nname: Enhet {u}\ntype: {t}\n{}{rep}notes: >-\n  {notes}\n",
            if u > 0 { "parent: unit-0\n" } else { "" }
        );
        g.write(&format!("units/unit-{u}.yaml"), &body);
    }
    let ptypes = [
        "information_security_policy",
        "guideline",
        "routine",
        "position",
        "security_policy",
        "plan",
        "other",
    ];
    let topics = [
        "incident_management",
        "classification",
        "continuity",
        "cloud_services",
        "access_control",
        "training",
    ];
    for p in 0..policies {
        let t = ptypes[p % ptypes.len()];
        let status = if g.rng.chance(90) { "adopted" } else { "draft" };
        let date = g.rng.date(2018, 2026);
        let body_by = g.rng.pick(&[
            "municipal_council",
            "executive_board",
            "committee",
            "official",
        ]);
        let topic = g.rng.pick(&topics);
        let notes = text(&mut g.rng, 117);
        let body = format!(
            "kind: policy\nid: policy-{p}\ntitle: Styrdokument {p}\ntype: {t}\nstatus: {status}\nadopted: {date}\nadopted_by: {body_by}\ndecision_ref: \"KS {date} § {p}\"\nowner: Informationssäkerhetssamordnare\ntopics: [{topic}]\nnotes: >-\n  {notes}\n"
        );
        g.write(&format!("policies/policy-{p}.yaml"), &body);
    }
    let models = [
        "on_premises",
        "private_cloud",
        "public_cloud",
        "saas",
        "external",
    ];
    for a in 0..assets {
        let unit = g.rng.below(units as u64);
        let critical = g.rng.chance(25);
        let pd = g.rng.pick(&["none", "ordinary", "sensitive"]);
        let secrecy = g.rng.chance(20);
        let model = g.rng.pick(&models);
        let country = if g.rng.chance(5) { "US" } else { "SE" };
        let safeguard = if country == "US" {
            g.rng.pick(&["dpf", "none", "scc"])
        } else {
            "adequacy"
        };
        let status = if g.rng.chance(95) {
            "active"
        } else {
            "retired"
        };
        let supports = if a > 10 && g.rng.chance(10) {
            format!("supports: [asset-{}]\n", g.rng.below(a as u64 - 1))
        } else {
            String::new()
        };
        let measures_line = format!("measures: [measure-{}]\n", g.rng.below(measures as u64));
        let desc = text(&mut g.rng, 91);
        let body = format!(
            "kind: asset\nid: asset-{a}\nname: System {a}\ntype: system\nstatus: {status}\nunit: unit-{unit}\nowner: Verksamhetschef {unit}\nadministrator: Förvaltare {a}\ncritical: {critical}\npersonal_data: {pd}\nsecrecy: {secrecy}\nhosting:\n  model: {model}\n  provider: Leverantör {a} AB\n  supplier: supplier-{}\n  countries: [{country}]\n  swedish_jurisdiction: {}\n  transfer_safeguard: {safeguard}\n{measures_line}{supports}description: >-\n  {desc}\n",
            a % suppliers,
            country == "SE"
        );
        g.write(&format!("assets/asset-{a}.yaml"), &body);
    }
    for c in 0..classifications {
        let asset = g.rng.below(assets as u64);
        let date = g.rng.date(2021, 2026);
        let lv = |r: &mut Rng| r.below(5);
        let (ci, ii, ai, ti) = (
            lv(&mut g.rng),
            lv(&mut g.rng),
            lv(&mut g.rng),
            lv(&mut g.rng),
        );
        let rationale = text(&mut g.rng, 104);
        let body = format!(
            "kind: classification\nid: class-{c}\nasset: asset-{asset}\ndate: {date}\nmethod: KLASSA 4\nclassified_by: Förvaltare {asset}\nconfidentiality: {ci}\nintegrity: {ii}\navailability: {ai}\ntraceability: {ti}\nrationale: >-\n  {rationale}\n"
        );
        g.write(&format!("classifications/class-{c}.yaml"), &body);
    }
    for r in 0..risks {
        let asset = g.rng.below(assets as u64);
        let date = g.rng.date(2023, 2026);
        let (l, c) = (1 + g.rng.below(4), 1 + g.rng.below(4));
        let treatment = g
            .rng
            .pick(&["undecided", "accept", "mitigate", "transfer", "avoid"]);
        let acts = if treatment == "mitigate" && g.rng.chance(70) {
            format!("activities: [act-{}]\n", g.rng.below(activities as u64))
        } else {
            String::new()
        };
        let desc = text(&mut g.rng, 117);
        let body = format!(
            "kind: risk\nid: risk-{r}\ntitle: Risk {r} för system {asset}\nasset: asset-{asset}\nassessed: {date}\nlikelihood: {l}\nconsequence: {c}\ntreatment: {treatment}\n{acts}owner: IT-chef\nstatus: open\ndescription: >-\n  {desc}\n"
        );
        g.write(&format!("risks/risk-{r}.yaml"), &body);
    }
    let caps = [
        "access_control",
        "access_logging",
        "mfa",
        "encryption_in_transit",
        "encryption_at_rest",
        "change_management",
        "integrity_checks",
        "backup",
        "tested_restore",
        "redundancy",
        "monitoring",
        "intrusion_detection",
        "data_processing_agreement",
        "protection_needs_analysis",
    ];
    for m in 0..measures {
        let a = caps[m % caps.len()];
        let b = g.rng.pick(&caps);
        let scope = if g.rng.chance(60) {
            "organisation"
        } else {
            "assets"
        };
        let verified = g.rng.date(2024, 2026);
        let desc = text(&mut g.rng, 117);
        let body = format!(
            "kind: measure\nid: measure-{m}\ntitle: Åtgärd {m}\nprovides: [{a}, {b}]\nscope: {scope}\nstatus: implemented\nimplemented: 2022-01-10\nlast_verified: {verified}\nverify_interval_months: 12\ncontrols: [iso27001-2022:A.5.{}, nis2-art21:{}]\nreferences: [\"ISO/IEC 27001:2022 A.8.{}\"]\ndescription: >-\n  {desc}\n",
            m % 37 + 1,
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"][m % 10],
            m % 30
        );
        g.write(&format!("measures/measure-{m}.yaml"), &body);
    }
    g.write(
        "requirements/availability-3.yaml",
        "kind: requirement\nid: availability-3\ntitle: Tillgänglighet 3\nwhen: {availability: 3}\nrequires: [backup, tested_restore, redundancy, monitoring]\n",
    );
    for i in 0..incidents {
        let year = years[i % years.len()];
        let unit = g.rng.below(units as u64);
        let t = g
            .rng
            .pick(&["it", "personal_data", "nis", "lost_equipment", "other"]);
        let month = 1 + g.rng.below(10);
        // Leaves room for a notification up to four days later in the same month.
        let day = 1 + g.rng.below(24);
        let hour = g.rng.below(24);
        let breach = t == "personal_data";
        let hours_late = if g.rng.chance(20) { 90 } else { 30 };
        let notif = if breach {
            let total = hour + hours_late;
            format!(
                "notifications:\n  - to: imy\n    at: {year}-{month:02}-{:02}T{:02}:00\n    kind: initial\n",
                day + total / 24,
                total % 24
            )
        } else {
            String::new()
        };
        let status = g
            .rng
            .pick(&["open", "contained", "closed", "closed", "closed"]);
        let closed = if status == "closed" {
            format!(
                "closed: {year}-{:02}-28\nroot_cause: {}\nlessons: {}\n",
                (month + 1).min(12),
                text(&mut g.rng, 15),
                text(&mut g.rng, 15)
            )
        } else {
            String::new()
        };
        let sev = g.rng.pick(&["low", "medium", "high", "critical"]);
        let body = format!(
            "kind: incident\nid: INC-{year}-{i}\ntitle: Incident {i}\ntype: {t}\nseverity: {sev}\nunit: unit-{unit}\nassets: [asset-{}]\ndetected: {year}-{month:02}-{day:02}T{hour:02}:00\npersonal_data_breach: {breach}\nsignificant: false\nescalated: false\n{notif}status: {status}\n{closed}notes: >-\n  {}\n",
            g.rng.below(assets as u64),
            text(&mut g.rng, 78)
        );
        g.write(&format!("incidents/{year}/INC-{year}-{i}.yaml"), &body);
    }
    for y in years {
        let body = format!(
            "kind: plan\nid: plan-{y}\nyear: {y}\ntitle: Handlingsplan {y}\ndecided: {y}-02-01\ndecided_by: executive_board\ndecision_ref: \"KS {y}-02-01 § 12\"\ngoals:\n  - id: coverage\n    title: Alla kritiska system klassade\n  - id: culture\n    title: Hög utbildningsgrad\n"
        );
        g.write(&format!("plans/{y}.yaml"), &body);
    }
    for a in 0..activities {
        let y = years[a % years.len()];
        let status = g.rng.pick(&[
            "planned",
            "in_progress",
            "done",
            "done",
            "postponed",
            "cancelled",
        ]);
        let due = format!("{y}-{:02}-28", 1 + g.rng.below(12));
        let completed = if status == "done" {
            format!("completed: {due}\n")
        } else {
            String::new()
        };
        let carried = if y > 2024 && g.rng.chance(15) {
            format!("carried_over_from: [plan-{}]\n", y - 1)
        } else {
            String::new()
        };
        let goal = g.rng.pick(&["coverage", "culture"]);
        let notes = text(&mut g.rng, 104);
        let body = format!(
            "kind: activity\nid: act-{a}\nplan: plan-{y}\ngoal: {goal}\ntitle: Aktivitet {a}\nowner: Samordnare\nunit: unit-{}\ndue: {due}\nstatus: {status}\n{completed}{carried}notes: >-\n  {notes}\n",
            g.rng.below(units as u64)
        );
        g.write(&format!("activities/{y}/act-{a}.yaml"), &body);
    }
    for t in 0..trainings {
        let phishing = t % 4 == 3;
        let mut results = String::new();
        for _ in 0..4 {
            let targeted = 50 + g.rng.below(500);
            let done = targeted * (40 + g.rng.below(60)) / 100;
            let unit = g.rng.below(units as u64);
            if phishing {
                let _ = write!(
                    results,
                    "  - unit: unit-{unit}\n    targeted: {targeted}\n    clicked: {}\n    reported: {}\n",
                    targeted / 10,
                    targeted / 5
                );
            } else {
                let _ = write!(
                    results,
                    "  - unit: unit-{unit}\n    targeted: {targeted}\n    completed: {done}\n"
                );
            }
        }
        let ty = if phishing {
            "phishing_simulation"
        } else {
            "nano_learning"
        };
        let y = years[t % years.len()];
        let body = format!(
            "kind: training\nid: training-{t}\ntitle: Utbildning {t}\ntype: {ty}\nstart: {y}-01-01\nend: {y}-12-31\naudience: [employees]\nresults:\n{results}notes: >-\n  {}\n",
            text(&mut g.rng, 52)
        );
        g.write(&format!("training/training-{t}.yaml"), &body);
    }
    for c in 0..continuity {
        let d = g.rng.date(2024, 2026);
        let ty = g
            .rng
            .pick(&["tabletop", "simulation", "live", "restore_test"]);
        let body = format!(
            "kind: continuity_plan\nid: kp-{c}\ntitle: Kontinuitetsplan {c}\nunit: unit-{}\nassets: [asset-{}, asset-{}]\ndocumented: 2023-05-01\nexercises:\n  - date: {d}\n    type: {ty}\n    scenario: {}\n    outcome: partial\n    lessons: {}\n",
            g.rng.below(units as u64),
            g.rng.below(assets as u64),
            g.rng.below(assets as u64),
            text(&mut g.rng, 26),
            text(&mut g.rng, 52)
        );
        g.write(&format!("continuity/kp-{c}.yaml"), &body);
    }
    for e in 0..evaluations {
        let d = g.rng.date(2024, 2026);
        let ty = g.rng.pick(&[
            "penetration_test",
            "vulnerability_scan",
            "configuration_review",
        ]);
        let sev = g.rng.pick(&["low", "medium", "high", "critical"]);
        let st = g.rng.pick(&["open", "fixed", "accepted"]);
        let fixed = if st == "fixed" {
            format!("    fixed: {d}\n")
        } else {
            String::new()
        };
        let body = format!(
            "kind: evaluation\nid: eval-{e}\ntitle: Granskning {e}\ntype: {ty}\ndate: {d}\nperformed_by: external\nscope: [asset-{}, asset-{}]\nfindings:\n  - id: F1\n    title: {}\n    severity: {sev}\n    status: {st}\n{fixed}notes: >-\n  {}\n",
            g.rng.below(assets as u64),
            g.rng.below(assets as u64),
            text(&mut g.rng, 7),
            text(&mut g.rng, 78)
        );
        g.write(&format!("evaluations/eval-{e}.yaml"), &body);
    }
    for r in 0..reviews {
        let ty = [
            "management_review",
            "external_audit",
            "self_assessment",
            "infosakkollen",
            "internal_audit",
        ][r % 5];
        let d = g.rng.date(2024, 2026);
        let body = format!(
            "kind: review\nid: review-{r}\ntitle: Granskning {r}\ntype: {ty}\ndate: {d}\npresented_to: executive_board\ndecision_ref: \"KS {d} § {r}\"\nunits: [unit-{}]\nscore: {}\nnotes: >-\n  {}\n",
            g.rng.below(units as u64),
            g.rng.below(100),
            text(&mut g.rng, 104)
        );
        g.write(&format!("reviews/review-{r}.yaml"), &body);
    }
    for f in 0..findings {
        let due = g.rng.date(2025, 2027);
        let st = g.rng.pick(&["open", "in_progress", "done", "rejected"]);
        let body = format!(
            "kind: finding\nid: finding-{f}\nsource: review-{}\ntitle: Rekommendation {f}\ndue: {due}\nowner: Kommundirektör\nstatus: {st}\nresponse: >-\n  {}\n",
            g.rng.below(reviews as u64),
            text(&mut g.rng, 117)
        );
        g.write(&format!("findings/finding-{f}.yaml"), &body);
    }
    // Suppliers and statements of applicability come last and draw no random numbers, so
    // the records above are the same as before they were added.
    for sp in 0..suppliers {
        let dpa = if sp % 7 == 3 {
            String::new()
        } else {
            "  dpa: 2023-03-01\n".to_owned()
        };
        let assessed = ["2026-03-01", "2025-10-15", "2024-02-01"][sp % 3];
        let hours = [24, 24, 72, 12][sp % 4];
        let body = format!(
            "kind: supplier\nid: supplier-{sp}\nname: Leverantör {sp} AB\nstatus: active\nprocessor: {}\ncountries: [SE]\ncontract:\n  signed: 2023-03-01\n  ends: {}-12-31\n{dpa}  security_requirements: {}\n  incident_notification_hours: {hours}\n  exit_plan: {}\nassessed: {assessed}\n",
            sp % 2 == 0,
            2026 + (sp % 4),
            sp % 5 != 1,
            sp % 3 == 0,
        );
        g.write(&format!("suppliers/supplier-{sp}.yaml"), &body);
    }
    g.write(
        "soa/soa-iso27001.yaml",
        "kind: statement_of_applicability\nid: soa-iso27001\nframework: iso27001-2022\napproved: 2026-03-16\napproved_by: executive_board\ndecision_ref: \"KS 2026-03-16 § 48\"\nexcluded:\n  - control: A.7.4\n    reason: Inga egna serverhallar.\n    review: 2027-03-31\n  - control: A.8.28\n    reason: Ingen egen utveckling.\n    review: 2026-06-30\n  - control: A.8.31\n    reason: Inga egna testmiljöer.\nincluded:\n  - control: A.5.23\n    reason: Molntjänster används.\n",
    );
    g.write(
        "soa/soa-nis2.yaml",
        "kind: statement_of_applicability\nid: soa-nis2\nframework: nis2-art21\napproved: 2026-03-16\napproved_by: executive_board\n",
    );
}
