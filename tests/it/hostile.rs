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

/// Gives the example's information security policy the title `yaml` (as written in YAML).
fn retitle_the_policy(repo: &TempRepo, yaml: &str) {
    let policy = repo
        .path()
        .join("policies/informationssakerhetspolicy.yaml");
    let text = std::fs::read_to_string(&policy).expect("read");
    let title = text
        .lines()
        .find(|l| l.starts_with("title: "))
        .expect("a title")
        .to_owned();
    std::fs::write(&policy, text.replace(&title, &format!("title: {yaml}"))).expect("write");
}

/// An escape sequence or a right-to-left override in a record's title reaches the `due`
/// table as visible stand-ins, not as characters that act on the terminal.
#[test]
fn due_prints_no_terminal_escapes() {
    let repo = TempRepo::example();
    retitle_the_policy(&repo, "\"Policy\\e[2J\\u202Egnilleh\"");
    let run = repo.isms(&[
        "due",
        "--within",
        "10y",
        "--as-of",
        "2026-11-28",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{202e}'));
    assert!(
        run.stdout.contains("Policy␛[2J<U+202E>gnilleh"),
        "{}",
        run.stdout
    );
}

/// The same in the `list` table.
#[test]
fn list_prints_no_terminal_escapes() {
    let repo = TempRepo::example();
    retitle_the_policy(&repo, "\"Policy\\e]0;x\\a\\u202E\"");
    let run = repo.isms(&["list", "policies", "--as-of", "2026-11-28", "--lang", "en"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'));
    assert!(
        run.stdout.contains("Policy␛]0;x␇<U+202E>"),
        "{}",
        run.stdout
    );
}

/// A template that is a device is refused at once, not read until memory runs out.
#[cfg(unix)]
#[test]
fn a_template_that_is_a_device_is_refused() {
    let repo = TempRepo::example();
    let run = repo.isms(&[
        "report",
        "management",
        "--as-of",
        "2026-11-28",
        "--template",
        "/dev/zero",
    ]);
    run.assert_refused("not a regular file");
}

/// `isms new` does not write through a folder that is a symbolic link.
#[cfg(unix)]
#[test]
fn new_does_not_write_through_a_linked_folder() {
    let repo = TempRepo::example();
    let outside = TempRepo::empty();
    std::fs::rename(repo.path().join("risks"), outside.path().join("risks")).expect("move");
    std::os::unix::fs::symlink(outside.path().join("risks"), repo.path().join("risks"))
        .expect("link");
    let before = std::fs::read_dir(outside.path().join("risks"))
        .expect("risks")
        .count();
    let run = repo.isms(&[
        "new",
        "risk",
        "r-ny",
        "--as-of",
        "2026-11-28",
        "--lang",
        "en",
    ]);
    run.assert_refused("symbolic link");
    let after = std::fs::read_dir(outside.path().join("risks"))
        .expect("risks")
        .count();
    assert_eq!(before, after, "nothing was written through the link");
}

/// A setting of `isms.toml` that cannot be read is a finding for `validate`, and the
/// commands whose output would silently use its default refuse to run.
#[test]
fn outputs_refuse_a_configuration_they_cannot_fully_read() {
    let repo = TempRepo::example();
    let config = std::fs::read_to_string(repo.path().join("isms.toml")).expect("config");
    std::fs::write(
        repo.path().join("isms.toml"),
        format!("{config}\n[training]\ncompletion_target = 90%\n"),
    )
    .expect("write");
    let validate = repo.isms(&["validate", "--as-of", "2026-11-28", "--lang", "en"]);
    assert_eq!(validate.code, Some(2), "{}", validate.stdout);
    for args in [
        &["report", "management"][..],
        &["export"][..],
        &["due"][..],
        &["list", "assets"][..],
    ] {
        let mut all = args.to_vec();
        all.extend(["--as-of", "2026-11-28", "--lang", "en"]);
        repo.isms(&all)
            .assert_refused("settings that cannot be read");
    }
}

/// `isms.toml` is read like a record: a link (here to a device that never ends) is refused
/// at once with a message, not followed.
#[cfg(unix)]
#[test]
fn a_linked_configuration_is_refused() {
    let repo = TempRepo::example();
    std::fs::remove_file(repo.path().join("isms.toml")).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", repo.path().join("isms.toml")).expect("link");
    let run = repo.isms(&["validate", "--as-of", "2026-11-28"]);
    run.assert_refused("symbolic link");
}

/// A repository named through a symbolic link (`--repo link`) is read as the folder it
/// names, with no warning about links.
#[cfg(unix)]
#[test]
fn a_repository_named_through_a_link_is_read_without_a_warning() {
    let repo = TempRepo::example();
    let holder = TempRepo::empty();
    std::os::unix::fs::symlink(repo.path(), holder.path().join("lis")).expect("link");
    let run = crate::support::isms_in(
        holder.path(),
        &[
            "validate",
            "--repo",
            "lis",
            "--as-of",
            "2026-11-28",
            "--lang",
            "en",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert!(!run.stdout.contains("symbolic link"), "{}", run.stdout);
    assert!(
        run.stdout.contains("0 errors, 0 warnings"),
        "{}",
        run.stdout
    );
}

/// A pipe named like a record is not read (it would wait for a writer forever) and is
/// reported, not skipped in silence.
#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_record_is_reported() {
    let repo = TempRepo::example();
    let fifo = repo.path().join("assets/ror.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo is not available; this test checked nothing");
        return;
    }
    let run = repo.isms(&["validate", "--as-of", "2026-11-28", "--lang", "en"]);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    assert!(run.stdout.contains("not a regular file"), "{}", run.stdout);
    assert!(run.stdout.contains("assets/ror.yaml"), "{}", run.stdout);
}
