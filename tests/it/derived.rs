//! The derived view of the assets (each one's current classification, the levels and
//! criticality it inherits through `supports`) finds an asset by its id as the
//! repository files it: ignoring case, the copy of a duplicate id left out, and an id an
//! invalid record holds belonging to no asset.

use isms::model::Date;
use isms::repo::derived::Derived;
use isms::repo::session::Session;

use crate::support::TempRepo;

fn classification(id: &str, asset: &str, date: &str, level: u8) -> String {
    format!(
        "kind: classification\nid: {id}\nasset: {asset}\ndate: {date}\nmethod: KLASSA 4\n\
         classified_by: Mats Holmberg\nconfidentiality: {level}\nintegrity: {level}\n\
         availability: {level}\ntraceability: {level}\nrationale: Prov.\n"
    )
}

#[test]
fn the_derived_view_finds_assets_by_the_repositorys_ids() {
    let repo = TempRepo::example();
    let original = repo.read("assets/ad-identitet.yaml");
    // A copy of the asset under the same id in other case: a duplicate, left out.
    repo.write(
        "assets/zz-kopia.yaml",
        original.replace("id: ad-identitet", "id: AD-Identitet"),
    )
    // An asset record that fails its schema: its id names no asset.
    .write(
        "assets/zz-trasig.yaml",
        original
            .replace("id: ad-identitet", "id: trasig")
            .replace("type: service", "type: nope"),
    )
    .write(
        "classifications/zz-ny.yaml",
        classification("zz-ny", "AD-IDENTITET", "2026-02-02", 1),
    )
    .write(
        "classifications/zz-framtid.yaml",
        classification("zz-framtid", "ad-identitet", "2099-01-01", 4),
    )
    .write(
        "classifications/zz-trasig.yaml",
        classification("zz-trasig", "trasig", "2026-02-02", 4),
    );
    let session = Session::open(repo.path()).expect("open");
    let r = &session.repo;
    let derived = Derived::compute(r, Date::parse("2026-11-28").expect("date"));
    let place = |id: &str| r.classifications.iter().position(|c| c.id == id);
    let ai = r
        .assets
        .iter()
        .position(|a| a.id == "ad-identitet")
        .expect("the asset that keeps the id");
    assert!(
        !r.assets
            .iter()
            .any(|a| a.id == "AD-Identitet" || a.id == "trasig"),
        "the copy and the invalid record are not assets"
    );
    // The newest classification dated by the as-of date, named in other case.
    assert_eq!(derived.assets[ai].current, place("zz-ny"));
    // A classification of the invalid record is no asset's.
    let trasig = place("zz-trasig").expect("filed");
    assert!(derived.assets.iter().all(|v| v.current != Some(trasig)));
    // Before the new classification, the example's own is current.
    let before = Derived::compute(r, Date::parse("2026-02-01").expect("date"));
    assert_eq!(before.assets[ai].current, place("ad-identitet-2026"));
}
