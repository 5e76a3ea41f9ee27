//! Inner-loop benchmarks (criterion): one record through each stage, and the whole check of
//! a generated repository in process. Whole-process figures come from `benches/run.sh`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use isms::model::{Date, Kind};

const ASSET: &str = "kind: asset
id: procapita
name: Procapita
type: system
status: active
unit: socialnamnden
owner: Socialchef
administrator: Frida Fors
critical: true
personal_data: sensitive
secrecy: true
essential_service: health_care
hosting:
  model: saas
  provider: Leverantör AB
  countries: [SE]
  swedish_jurisdiction: true
  transfer_safeguard: none
measures: [backup-daily]
supports: [journal-socialtjanst]
description: >-
  Verksamhetssystem för socialtjänsten med personakter, beslut och journalanteckningar,
  som används av cirka 600 handläggare i tre förvaltningar och av externa utförare.
";

fn stages(c: &mut Criterion) {
    c.bench_function("saphyr events only, one asset (the floor)", |b| {
        b.iter(|| saphyr_parser::Parser::new_from_str(black_box(ASSET)).count())
    });
    c.bench_function("yaml::parse one asset", |b| {
        b.iter(|| isms::source::yaml::parse(black_box(ASSET)))
    });
    let doc = isms::source::yaml::parse(ASSET).documents.remove(0);
    c.bench_function("schema::validate one asset", |b| {
        b.iter(|| isms::schema::validate_tree(Kind::Asset, black_box(&doc.tree)))
    });
    c.bench_function("Record::from_tree one asset", |b| {
        b.iter(|| isms::load::typed_record(Kind::Asset, black_box(doc.tree.root())))
    });
    c.bench_function("load_text one asset (parse, validate, type)", |b| {
        b.iter(|| isms::load::load_text("assets/procapita.yaml", black_box(ASSET)))
    });
}

fn whole_check(c: &mut Criterion) {
    // A generated repository, when one is at hand (benches/run.sh makes them).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/data-2000");
    let dir = if dir.is_dir() {
        dir
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sjobacka")
    };
    let as_of = Date::parse("2026-11-28").expect("date");
    let session = isms::repo::session::Session::open(&dir).expect("repository");
    let mut group = c.benchmark_group("check");
    group.sample_size(20);
    group.bench_function("rules only", |b| {
        b.iter(|| isms::check::check(&session, as_of, &isms::rules::Selection::default()))
    });
    group.bench_function("open + rules", |b| {
        b.iter(|| {
            let s = isms::repo::session::Session::open(&dir).expect("repository");
            isms::check::check(&s, as_of, &isms::rules::Selection::default())
                .findings
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, stages, whole_check);
criterion_main!(benches);
