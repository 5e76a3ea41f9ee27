//! Hostile input, round two: values beyond any organisation are refused where they are
//! written, and record text reaches no output raw.

use crate::support::TempRepo;

/// A training count beyond any organisation (here one that would overflow a sum) is a
/// schema error at the value, not a figure that wraps in a report.
#[test]
fn an_absurd_training_count_is_refused_at_the_value() {
    let repo = TempRepo::example();
    let file = std::fs::read_dir(repo.path().join("training"))
        .expect("training")
        .map(|e| e.expect("an entry").path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("targeted: ")))
        .expect("a training with results");
    let text = std::fs::read_to_string(&file).expect("read");
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("targeted: "))
        .expect("a targeted count");
    let changed: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == line {
                let indent = &l[..l.len() - l.trim_start().len()];
                format!("{indent}targeted: 18446744073709551615")
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&file, changed.join("\n") + "\n").expect("write");
    let run = repo.isms(&["validate", "--lang", "en", "--format", "json"]);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rec001 = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "REC001")
        .expect("a REC001");
    assert_eq!(rec001["line"], serde_json::json!(line + 1), "{rec001}");
}
