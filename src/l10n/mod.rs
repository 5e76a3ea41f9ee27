//! Texts in Swedish and English: Fluent catalogues, and the typed values that fill them.
//!
//! A text meant for people is a message in a catalogue (Project Fluent's `.ftl` syntax,
//! one file per language), filled from named [`Value`]s. The values are data: the same
//! ones a finding carries as its `figures` in JSON. How a value reads (a share as
//! `48 %`, levels as `C3 I2` or `K3 R2`) is decided here, per language; what a sentence
//! says, its plurals and its word order, in the catalogues.

mod vars;

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use serde::{Deserialize, Serialize};

use crate::model::Date;

pub use vars::variables;

/// The language of messages, labels and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Sv,
    En,
}

impl Language {
    /// One of two texts by language: the one way `isms` chooses between its Swedish and
    /// English words (tables of words build on it: `report::labels`, `registry::Text`).
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Language::Sv => sv,
            Language::En => en,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Language::Sv => "sv",
            Language::En => "en",
        }
    }
}

/// A typed value that fills a message: a figure, a date, a record's id or text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A count or a whole number (plurals select on it).
    Int(i64),
    /// A measured number, shown as written with the language's decimal sign.
    Num(f64),
    /// A number shown to one decimal (`64.0`, `64,0` in Swedish), where a whole number
    /// should still read as measured.
    Tenths(f64),
    /// A share (0.48), shown as a whole percentage: `48 %`.
    Share(f64),
    /// A share shown to a tenth of a percent (`89.5 %`), where the whole percentage would
    /// hide which side of a threshold it lies on.
    ShareTenths(f64),
    Date(Date),
    /// Text shown as it is: an id, a code, a name or other record text.
    Text(String),
    /// Several texts, shown joined by commas.
    List(Vec<String>),
    /// A record named in a sentence, by its id and its name or title if it has one: in
    /// English its id in backticks (`` `socialnamnden` ``), in Swedish its name with the id
    /// in parentheses ("Socialnämnden (socialnamnden)"), or the id alone.
    Record(String, Option<String>),
    /// Several records named in a sentence, each as a [`Value::Record`], joined by commas
    /// and a final "and" / "och": `` `a`, `b` and `c` ``.
    Records(Vec<(String, Option<String>)>),
    /// Several codes, ids or field names, joined by commas: each in backticks in English
    /// (`` `board`, `committee` ``), plain in Swedish.
    Codes(Vec<String>),
    /// Classification levels in the order confidentiality, integrity, availability,
    /// traceability: `C3 I2 A3` in English, `K3 R2 T3` in Swedish.
    Levels([Option<u8>; 4]),
    /// Parts said one after the other, each through the message's attribute named like the
    /// value, from the part's own values and `$position` (`first`, `last` or `other`), on
    /// which the attribute selects how it joins the part before ("a, b and c"): the
    /// measures that provide a capability, each with its own state.
    Parts(Vec<Args>),
}

impl Value {
    /// Feeds the value to `state`: values that differ, or print apart (`0.0`, `-0.0`), feed
    /// it differently. Not `Hash`: numbers compare as numbers, and `0.0 == -0.0`.
    pub fn feed(&self, state: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        std::mem::discriminant(self).hash(state);
        match self {
            Value::Int(n) => n.hash(state),
            Value::Num(x) | Value::Tenths(x) | Value::Share(x) | Value::ShareTenths(x) => {
                x.to_bits().hash(state);
            }
            Value::Date(d) => d.hash(state),
            Value::Text(s) => s.hash(state),
            Value::List(items) | Value::Codes(items) => items.hash(state),
            Value::Record(id, name) => (id, name).hash(state),
            Value::Records(records) => records.hash(state),
            Value::Levels(levels) => levels.hash(state),
            Value::Parts(parts) => {
                parts.len().hash(state);
                for part in parts {
                    part.len().hash(state);
                    for (name, value) in part {
                        name.hash(state);
                        value.feed(state);
                    }
                }
            }
        }
    }

    /// The value as text in `lang` (numbers stay numbers, for plural selection).
    fn fluent(&self, lang: Language) -> FluentValue<'_> {
        match self {
            Value::Int(n) => FluentValue::from(*n),
            Value::Num(x) => FluentValue::from(decimal(&x.to_string(), lang)),
            Value::Tenths(x) => FluentValue::from(decimal(&format!("{x:.1}"), lang)),
            Value::Share(x) => FluentValue::from(percent(&format!("{:.0}", x * 100.0), lang)),
            Value::ShareTenths(x) => FluentValue::from(percent(&format!("{:.1}", x * 100.0), lang)),
            Value::Date(d) => FluentValue::from(d.to_string()),
            Value::Text(s) => FluentValue::from(s.as_str()),
            Value::List(items) => FluentValue::from(items.join(", ")),
            Value::Record(id, name) => FluentValue::from(named(id, name.as_deref(), lang)),
            Value::Records(records) => {
                let names: Vec<String> = records
                    .iter()
                    .map(|(id, name)| named(id, name.as_deref(), lang))
                    .collect();
                FluentValue::from(prose_list(&names, lang.pick("och", "and")))
            }
            Value::Codes(items) => {
                let quote = lang.pick("", "`");
                let quoted: Vec<String> =
                    items.iter().map(|i| format!("{quote}{i}{quote}")).collect();
                FluentValue::from(quoted.join(", "))
            }
            Value::Levels(levels) => {
                let letters = lang.pick("KRTS", "CIAT");
                let parts: Vec<String> = letters
                    .chars()
                    .zip(levels)
                    .filter_map(|(letter, l)| l.map(|l| format!("{letter}{l}")))
                    .collect();
                FluentValue::from(parts.join(" "))
            }
            // Said through the message's attributes: see `Catalogue::arguments`.
            Value::Parts(_) => FluentValue::None,
        }
    }

    /// The value as JSON: numbers as numbers, dates as ISO text, levels by aspect.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Value as J, json};
        match self {
            Value::Int(n) => json!(n),
            Value::Num(x) | Value::Tenths(x) | Value::Share(x) | Value::ShareTenths(x) => json!(x),
            Value::Date(d) => J::String(d.to_string()),
            Value::Text(s) => J::String(s.clone()),
            Value::Record(id, _) => J::String(id.clone()),
            Value::Records(records) => json!(records.iter().map(|(id, _)| id).collect::<Vec<_>>()),
            Value::List(items) | Value::Codes(items) => json!(items),
            Value::Levels(levels) => {
                let mut map = serde_json::Map::new();
                for (aspect, l) in crate::model::Aspect::ALL.iter().zip(levels) {
                    if let Some(l) = l {
                        map.insert(aspect.as_str().to_owned(), json!(l));
                    }
                }
                J::Object(map)
            }
            Value::Parts(parts) => J::Array(
                parts
                    .iter()
                    .map(|part| {
                        J::Object(
                            part.iter()
                                .map(|(name, v)| ((*name).to_owned(), v.to_json()))
                                .collect(),
                        )
                    })
                    .collect(),
            ),
        }
    }
}

/// A record as a sentence names it in `lang` (see [`Value::Record`]).
fn named(id: &str, name: Option<&str>, lang: Language) -> String {
    match (lang, name.map(str::trim)) {
        (Language::En, _) => format!("`{id}`"),
        // A name that already ends in its id ("Castor (diarium)") is not given it twice.
        (Language::Sv, Some(name)) if name.ends_with(&format!("({id})")) => name.to_owned(),
        (Language::Sv, Some(name)) if !name.is_empty() && name != id => format!("{name} ({id})"),
        (Language::Sv, _) => id.to_owned(),
    }
}

/// Items as prose: "a", "a and b", "a, b and c".
fn prose_list(items: &[String], and: &str) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// `48` → `48 %` (Swedish with a no-break space, as council papers want).
fn percent(number: &str, lang: Language) -> String {
    format!("{}{}%", decimal(number, lang), lang.pick("\u{a0}", " "))
}

/// The decimal sign of `lang`: `4,5` in Swedish.
fn decimal(number: &str, lang: Language) -> String {
    match lang {
        Language::Sv => number.replace('.', ","),
        Language::En => number.to_owned(),
    }
}

macro_rules! value_from {
    ($($t:ty => |$v:ident| $e:expr;)*) => {
        $(impl From<$t> for Value {
            fn from($v: $t) -> Value {
                $e
            }
        })*
    };
}

value_from! {
    i64 => |n| Value::Int(n);
    i32 => |n| Value::Int(n.into());
    u32 => |n| Value::Int(n.into());
    u8 => |n| Value::Int(n.into());
    u64 => |n| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    usize => |n| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    Date => |d| Value::Date(d);
    String => |s| Value::Text(s);
    &str => |s| Value::Text(s.to_owned());
    &String => |s| Value::Text(s.clone());
    Vec<String> => |items| Value::List(items);
    // A yes-or-no that a template selects on (`[yes]` / `*[no]`).
    bool => |b| Value::Text(if b { "yes" } else { "no" }.to_owned());
}

/// The named values that fill one message, in the order they were given.
pub type Args = Vec<(&'static str, Value)>;

/// Adds a "did you mean" to `args`: `has_closest` (`yes` or `no`), which the message
/// selects on, and `closest`, the known word closest to the one written, when there is one.
pub fn suggest(args: &mut Args, closest: Option<&str>) {
    args.push(("has_closest", closest.is_some().into()));
    if let Some(c) = closest {
        args.push(("closest", c.into()));
    }
}

/// A catalogue of messages in both languages. Each language's bundle is parsed the first
/// time a text in it is asked for: a run speaks one language, and parsing the other's
/// files would cost every run a fixed share of its time.
pub struct Catalogue {
    sources: [&'static [Source]; 2],
    bundles: [std::sync::OnceLock<FluentBundle<FluentResource>>; 2],
}

/// One catalogue file: its name (for errors) and its text.
pub struct Source {
    pub name: &'static str,
    pub text: &'static str,
}

impl Catalogue {
    /// Builds a catalogue from the Swedish and the English files. The files are embedded
    /// in the binary, so an error in one is a bug that the tests catch; it panics naming
    /// the file and the message.
    pub const fn new(sv: &'static [Source], en: &'static [Source]) -> Catalogue {
        Catalogue {
            sources: [sv, en],
            bundles: [std::sync::OnceLock::new(), std::sync::OnceLock::new()],
        }
    }

    fn bundle(&self, lang: Language) -> &FluentBundle<FluentResource> {
        let i = match lang {
            Language::Sv => 0,
            Language::En => 1,
        };
        self.bundles[i].get_or_init(|| bundle(lang.as_str(), self.sources[i]))
    }

    /// Whether `lang` has the message `id`.
    pub fn has(&self, lang: Language, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The text of message `id` (or its attribute `attr`, e.g. `help`) in `lang`, filled
    /// from `args`; `None` when there is no such message. A placeable naming a value not
    /// in `args` reads `{$name}`: [`Catalogue::errors`] is how the tests find it.
    pub fn format(
        &self,
        lang: Language,
        id: &str,
        attr: Option<&str>,
        args: &[(&'static str, Value)],
    ) -> Option<String> {
        self.format_checked(lang, id, attr, args).map(|(s, _)| s)
    }

    /// Message `id` in `lang` filled from `args`; the id itself when there is no such
    /// message (each catalogue's tests rule that out): for texts the tool says of itself.
    pub fn text(&self, lang: Language, id: &str, args: &[(&'static str, Value)]) -> String {
        self.format(lang, id, None, args)
            .unwrap_or_else(|| id.to_owned())
    }

    /// What formatting message `id` in `lang` with `args` got wrong (a value it names
    /// that `args` lacks, a selector without a default), as text; empty when nothing.
    pub fn errors(
        &self,
        lang: Language,
        id: &str,
        attr: Option<&str>,
        args: &[(&'static str, Value)],
    ) -> Vec<String> {
        match self.format_checked(lang, id, attr, args) {
            Some((_, errors)) => errors,
            None => vec![format!("no message `{id}` in {}", lang.as_str())],
        }
    }

    /// Message `id` and its `help` attribute (`None` when it has none, or it comes out
    /// empty) in `lang`, filled from `args` and the texts `extra`, whose values are read
    /// once for both. `None` when there is no such message.
    pub fn say(
        &self,
        lang: Language,
        id: &str,
        args: &[(&'static str, Value)],
        extra: &[(&'static str, &str)],
    ) -> Option<(String, Option<String>)> {
        let bundle = self.bundle(lang);
        let message = bundle.get_message(id)?;
        let mut errors = Vec::new();
        let mut fluent_args = self.arguments(lang, &message, args, &mut errors);
        for (name, text) in extra {
            fluent_args.set(*name, *text);
        }
        let mut fluent_errors = Vec::new();
        let text = bundle.format_pattern(message.value()?, Some(&fluent_args), &mut fluent_errors);
        let help = message
            .get_attribute("help")
            .map(|h| bundle.format_pattern(h.value(), Some(&fluent_args), &mut fluent_errors))
            .filter(|h| !h.is_empty())
            .map(Cow::into_owned);
        Some((Cow::into_owned(text), help))
    }

    fn format_checked(
        &self,
        lang: Language,
        id: &str,
        attr: Option<&str>,
        args: &[(&'static str, Value)],
    ) -> Option<(String, Vec<String>)> {
        let bundle = self.bundle(lang);
        let message = bundle.get_message(id)?;
        let pattern = match attr {
            None => message.value()?,
            Some(a) => message.get_attribute(a)?.value(),
        };
        let mut errors = Vec::new();
        let fluent_args = self.arguments(lang, &message, args, &mut errors);
        let mut fluent_errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut fluent_errors);
        errors.extend(fluent_errors.iter().map(|e| e.to_string()));
        Some((Cow::into_owned(text), errors))
    }

    /// The values of `message` as Fluent takes them; [`Value::Parts`] said here, each part
    /// through the message's attribute of the value's name.
    fn arguments<'a>(
        &self,
        lang: Language,
        message: &fluent_bundle::FluentMessage<'_>,
        args: &'a [(&'static str, Value)],
        errors: &mut Vec<String>,
    ) -> FluentArgs<'a> {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let Value::Parts(parts) = value else {
                fluent_args.set(*name, value.fluent(lang));
                continue;
            };
            let Some(attribute) = message.get_attribute(name) else {
                errors.push(format!(
                    "no attribute `.{name}` to say the parts of `${name}`"
                ));
                continue;
            };
            let mut text = String::new();
            for (i, part) in parts.iter().enumerate() {
                let mut part_args = self.arguments(lang, message, part, errors);
                let position = match i {
                    0 => "first",
                    _ if i + 1 == parts.len() => "last",
                    _ => "other",
                };
                part_args.set("position", position);
                let mut fluent_errors = Vec::new();
                text.push_str(&self.bundle(lang).format_pattern(
                    attribute.value(),
                    Some(&part_args),
                    &mut fluent_errors,
                ));
                errors.extend(fluent_errors.iter().map(|e| e.to_string()));
            }
            fluent_args.set(*name, text);
        }
        fluent_args
    }
}

fn bundle(lang: &str, sources: &[Source]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.parse().expect("a language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Messages go to terminals, CI logs and Markdown, where the Unicode isolation marks
    // Fluent puts around values by default would show as stray characters.
    bundle.set_use_isolating(false);
    let swedish = lang == "sv";
    bundle
        .add_function("WORDS", move |positional, named| {
            let neuter = matches!(named.get("neuter"), Some(FluentValue::String(s)) if s == "yes");
            match positional.first() {
                Some(FluentValue::Number(n)) if swedish => FluentValue::from(
                    in_words(n.value, neuter).unwrap_or_else(|| n.as_string().into_owned()),
                ),
                Some(v) => v.clone(),
                None => FluentValue::None,
            }
        })
        .expect("one WORDS function");
    for source in sources {
        let resource = FluentResource::try_new(source.text.to_owned())
            .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", source.name));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{}: {e:?}", source.name));
    }
    bundle
}

/// A count of one to twelve in Swedish words, as running text writes it (Myndigheternas
/// skrivregler): `WORDS($n)` in a Swedish template, `WORDS($n, neuter: "yes")` for "ett".
fn in_words(n: f64, neuter: bool) -> Option<String> {
    const WORDS: [&str; 12] = [
        "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv",
    ];
    if n.fract() != 0.0 || !(1.0..=12.0).contains(&n) {
        return None;
    }
    if n == 1.0 && neuter {
        return Some("ett".to_owned());
    }
    WORDS.get(n as usize - 1).map(|w| (*w).to_owned())
}

/// The tool's own texts (summaries, labels), as distinct from the rules' messages.
pub const TEXTS: [&[Source]; 2] = [
    &[Source {
        name: "src/l10n/sv.ftl",
        text: include_str!("sv.ftl"),
    }],
    &[Source {
        name: "src/l10n/en.ftl",
        text: include_str!("en.ftl"),
    }],
];

/// The tool's own texts in both languages, read once.
pub fn texts() -> &'static Catalogue {
    static TEXTS_CATALOGUE: Catalogue = Catalogue::new(TEXTS[0], TEXTS[1]);
    &TEXTS_CATALOGUE
}

/// The tool's text `id` in `lang`, filled from `args`; the id itself when there is no
/// such text (the catalogue tests rule that out).
pub fn text(lang: Language, id: &str, args: &[(&'static str, Value)]) -> String {
    texts().text(lang, id, args)
}

/// The ids of every message in the catalogue files, in order.
pub fn message_ids(sources: &[Source]) -> Vec<String> {
    sources
        .iter()
        .flat_map(|s| vars::messages(s.text))
        .map(|(id, _)| id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        Catalogue::new(
            &[Source {
                name: "sv",
                text: "x = { $n ->\n    [one] { $n } år\n   *[other] { $n } år\n } för { $who } ({ $l }, { $s })\n    .help = gör { $what }\n",
            }],
            &[Source {
                name: "en",
                text: "x = { $n ->\n    [one] { $n } year\n   *[other] { $n } years\n } for `{ $who }` ({ $l }, { $s })\n",
            }],
        )
    }

    #[test]
    fn fills_plurals_levels_and_shares_per_language() {
        let c = catalogue();
        let args: Args = vec![
            ("n", 1.into()),
            ("who", "a".into()),
            ("l", Value::Levels([Some(3), Some(2), None, Some(1)])),
            ("s", Value::Share(0.48)),
        ];
        assert_eq!(
            c.format(Language::En, "x", None, &args).as_deref(),
            Some("1 year for `a` (C3 I2 T1, 48 %)")
        );
        assert_eq!(
            c.format(Language::Sv, "x", None, &args).as_deref(),
            Some("1 år för a (K3 R2 S1, 48\u{a0}%)")
        );
        let mut two = args.clone();
        two[0].1 = 2.into();
        two[3].1 = Value::ShareTenths(0.895);
        assert_eq!(
            c.format(Language::En, "x", None, &two).as_deref(),
            Some("2 years for `a` (C3 I2 T1, 89.5 %)")
        );
        assert_eq!(
            c.format(Language::Sv, "x", None, &two).as_deref(),
            Some("2 år för a (K3 R2 S1, 89,5\u{a0}%)")
        );
    }

    #[test]
    fn names_records_by_id_in_english_and_by_name_in_swedish() {
        let c = Catalogue::new(
            &[Source {
                name: "sv",
                text: "r = { $one }; { $many }\n",
            }],
            &[Source {
                name: "en",
                text: "r = { $one }; { $many }\n",
            }],
        );
        let args: Args = vec![
            ("one", Value::Record("a".into(), Some("Alfa".into()))),
            (
                "many",
                Value::Records(vec![
                    ("a".into(), Some("Alfa".into())),
                    ("b".into(), None),
                    ("c".into(), Some("c".into())),
                ]),
            ),
        ];
        assert_eq!(
            c.format(Language::En, "r", None, &args).as_deref(),
            Some("`a`; `a`, `b` and `c`")
        );
        assert_eq!(
            c.format(Language::Sv, "r", None, &args).as_deref(),
            Some("Alfa (a); Alfa (a), b och c")
        );
        assert_eq!(args[1].1.to_json(), serde_json::json!(["a", "b", "c"]));
        assert_eq!(args[0].1.to_json(), serde_json::json!("a"));
    }

    #[test]
    fn codes_are_quoted_in_english_only_and_tenths_keep_their_decimal() {
        const TEXT: &str = "y = { $c } { $t } { $b }\n";
        let c = Catalogue::new(
            &[Source {
                name: "sv",
                text: TEXT,
            }],
            &[Source {
                name: "en",
                text: TEXT,
            }],
        );
        let args: Args = vec![
            ("c", Value::Codes(vec!["a".into(), "b".into()])),
            ("t", Value::Tenths(64.0)),
            ("b", true.into()),
        ];
        assert_eq!(
            c.format(Language::En, "y", None, &args).as_deref(),
            Some("`a`, `b` 64.0 yes")
        );
        assert_eq!(
            c.format(Language::Sv, "y", None, &args).as_deref(),
            Some("a, b 64,0 yes")
        );
    }

    #[test]
    fn says_parts_through_the_attribute_of_their_name() {
        let c = Catalogue::new(
            &[Source {
                name: "sv",
                text: "p = Av { $who }.\n    .who = { $position ->\n        [first] {\"\"}\n        [last] {\" och \"}\n       *[other] {\", \"}\n    }{ $n }\nq = { $who }\n",
            }],
            &[Source {
                name: "en",
                text: "p = by { $who }\n    .who = { $position ->\n        [first] {\"\"}\n       *[other] {\" and \"}\n    }`{ $n }`\nq = { $who }\n",
            }],
        );
        let parts = |n: usize| -> Args {
            let parts = (1..=n).map(|i| vec![("n", Value::Text(format!("m{i}")))]);
            vec![("who", Value::Parts(parts.collect()))]
        };
        let say = |lang, args: &Args| c.format(lang, "p", None, args);
        assert_eq!(
            say(Language::Sv, &parts(3)).as_deref(),
            Some("Av m1, m2 och m3.")
        );
        assert_eq!(say(Language::Sv, &parts(1)).as_deref(), Some("Av m1."));
        assert_eq!(
            say(Language::En, &parts(3)).as_deref(),
            Some("by `m1` and `m2` and `m3`")
        );
        assert!(c.errors(Language::En, "p", None, &parts(2)).is_empty());
        // Parts need an attribute of their name to be said.
        assert!(c.errors(Language::En, "q", None, &parts(2))[0].contains(".who"));
        assert_eq!(
            parts(2)[0].1.to_json(),
            serde_json::json!([{ "n": "m1" }, { "n": "m2" }])
        );
    }

    #[test]
    fn swedish_templates_write_one_to_twelve_in_words() {
        const TEXT: &str = "w = { WORDS($n) } { WORDS($n, neuter: \"yes\") }\n";
        let c = Catalogue::new(
            &[Source {
                name: "sv",
                text: TEXT,
            }],
            &[Source {
                name: "en",
                text: TEXT,
            }],
        );
        let say = |lang, n: i64| c.format(lang, "w", None, &[("n", n.into())]);
        assert_eq!(say(Language::Sv, 1).as_deref(), Some("en ett"));
        assert_eq!(say(Language::Sv, 12).as_deref(), Some("tolv tolv"));
        assert_eq!(say(Language::Sv, 13).as_deref(), Some("13 13"));
        assert_eq!(say(Language::Sv, 0).as_deref(), Some("0 0"));
        assert_eq!(say(Language::En, 3).as_deref(), Some("3 3"));
    }

    #[test]
    fn reports_values_a_message_names_but_does_not_get() {
        let c = catalogue();
        let args: Args = vec![("n", 1.into())];
        assert!(!c.errors(Language::En, "x", None, &args).is_empty());
        assert!(c.errors(Language::Sv, "y", None, &args)[0].contains("no message"));
        let full: Args = vec![
            ("n", 1.into()),
            ("who", "a".into()),
            ("l", Value::Levels([None; 4])),
            ("s", Value::Share(0.1)),
            ("what", "x".into()),
        ];
        assert!(c.errors(Language::Sv, "x", Some("help"), &full).is_empty());
        assert_eq!(c.format(Language::En, "x", Some("help"), &full), None);
    }
}
