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
    /// Record ids as a sentence lists them: `` `a`, `b` and `c` `` in English (ids in
    /// backticks, as English messages write them), `a, b och c` in Swedish.
    Ids(Vec<String>),
    /// Classification levels in the order confidentiality, integrity, availability,
    /// traceability: `C3 I2 A3` in English, `K3 R2 T3` in Swedish.
    Levels([Option<u8>; 4]),
}

impl Value {
    /// The value as text in `lang` (numbers stay numbers, for plural selection).
    fn fluent(&self, lang: Language) -> FluentValue<'_> {
        match self {
            Value::Int(n) => FluentValue::from(*n),
            Value::Num(x) => FluentValue::from(decimal(&x.to_string(), lang)),
            Value::Share(x) => FluentValue::from(percent(&format!("{:.0}", x * 100.0), lang)),
            Value::ShareTenths(x) => FluentValue::from(percent(&format!("{:.1}", x * 100.0), lang)),
            Value::Date(d) => FluentValue::from(d.to_string()),
            Value::Text(s) => FluentValue::from(s.as_str()),
            Value::List(items) => FluentValue::from(items.join(", ")),
            Value::Ids(ids) => FluentValue::from(id_list(ids, lang)),
            Value::Levels(levels) => {
                let letters = lang.pick("KRTS", "CIAT");
                let parts: Vec<String> = letters
                    .chars()
                    .zip(levels)
                    .filter_map(|(letter, l)| l.map(|l| format!("{letter}{l}")))
                    .collect();
                FluentValue::from(parts.join(" "))
            }
        }
    }

    /// The value as JSON: numbers as numbers, dates as ISO text, levels by aspect.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Value as J, json};
        match self {
            Value::Int(n) => json!(n),
            Value::Num(x) | Value::Share(x) | Value::ShareTenths(x) => json!(x),
            Value::Date(d) => J::String(d.to_string()),
            Value::Text(s) => J::String(s.clone()),
            Value::List(items) | Value::Ids(items) => json!(items),
            Value::Levels(levels) => {
                let mut map = serde_json::Map::new();
                for (aspect, l) in crate::model::Aspect::ALL.iter().zip(levels) {
                    if let Some(l) = l {
                        map.insert(aspect.as_str().to_owned(), json!(l));
                    }
                }
                J::Object(map)
            }
        }
    }
}

/// `48` → `48 %` (Swedish with a no-break space, as council papers want).
fn percent(number: &str, lang: Language) -> String {
    format!("{}{}%", decimal(number, lang), lang.pick("\u{a0}", " "))
}

/// `a`, `b` and `c` in English; a, b och c in Swedish.
fn id_list(ids: &[String], lang: Language) -> String {
    let shown: Vec<String> = match lang {
        Language::Sv => ids.to_vec(),
        Language::En => ids.iter().map(|id| format!("`{id}`")).collect(),
    };
    match shown.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("och", "and")),
    }
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
}

/// The named values that fill one message, in the order they were given.
pub type Args = Vec<(&'static str, Value)>;

/// A catalogue of messages in both languages.
pub struct Catalogue {
    sv: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
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
    pub fn new(sv: &[Source], en: &[Source]) -> Catalogue {
        Catalogue {
            sv: bundle("sv", sv),
            en: bundle("en", en),
        }
    }

    fn bundle(&self, lang: Language) -> &FluentBundle<FluentResource> {
        match lang {
            Language::Sv => &self.sv,
            Language::En => &self.en,
        }
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
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.fluent(lang));
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        let errors = errors.iter().map(|e| e.to_string()).collect();
        Some((Cow::into_owned(text), errors))
    }
}

fn bundle(lang: &str, sources: &[Source]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.parse().expect("a language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Messages go to terminals, CI logs and Markdown, where the Unicode isolation marks
    // Fluent puts around values by default would show as stray characters.
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new(source.text.to_owned())
            .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", source.name));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{}: {e:?}", source.name));
    }
    bundle
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
    fn lists_ids_as_prose_per_language() {
        let c = Catalogue::new(
            &[Source {
                name: "sv",
                text: "ids = { $ids }\n",
            }],
            &[Source {
                name: "en",
                text: "ids = { $ids }\n",
            }],
        );
        let say = |lang, ids: &[&str]| {
            let ids = Value::Ids(ids.iter().map(|s| s.to_string()).collect());
            c.format(lang, "ids", None, &[("ids", ids)])
        };
        assert_eq!(say(Language::En, &["a"]).as_deref(), Some("`a`"));
        assert_eq!(
            say(Language::En, &["a", "b", "c"]).as_deref(),
            Some("`a`, `b` and `c`")
        );
        assert_eq!(say(Language::Sv, &["a", "b"]).as_deref(), Some("a och b"));
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
