//! What a catalogue file declares: its messages and the values each one names, read from
//! the Fluent syntax tree (for the tests that hold the catalogues to the findings).

use std::collections::BTreeSet;

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};

/// Each message of `ftl` (an embedded catalogue file) with the names of the values its
/// text and attributes use. Terms and comments are skipped.
pub fn messages(ftl: &str) -> Vec<(String, BTreeSet<String>)> {
    let resource = match fluent_syntax::parser::parse(ftl) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let mut names = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern(value, &mut names);
                }
                for attribute in &m.attributes {
                    pattern(&attribute.value, &mut names);
                }
                Some((m.id.name.to_owned(), names))
            }
            _ => None,
        })
        .collect()
}

/// The names of the values message `id` of `ftl` uses, if it has such a message.
pub fn variables(ftl: &str, id: &str) -> Option<BTreeSet<String>> {
    messages(ftl)
        .into_iter()
        .find(|(m, _)| m == id)
        .map(|(_, names)| names)
}

fn pattern(p: &Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, names);
        }
    }
}

fn expr(e: &Expression<&str>, names: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline(i, names),
        Expression::Select { selector, variants } => {
            inline(selector, names);
            for v in variants {
                pattern(&v.value, names);
            }
        }
    }
}

fn inline(i: &InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => call(arguments, names),
        InlineExpression::TermReference {
            arguments: Some(a), ..
        } => call(a, names),
        InlineExpression::Placeable { expression } => expr(expression, names),
        _ => {}
    }
}

fn call(a: &CallArguments<&str>, names: &mut BTreeSet<String>) {
    for p in &a.positional {
        inline(p, names);
    }
    for n in &a.named {
        inline(&n.value, names);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_values_in_selectors_variants_and_attributes() {
        let ftl = "a = x { $one ->\n    [1] { $two }\n   *[other] y\n }\n    .help = { $three }\n-t = { $no }\nb = z\n";
        let m = super::messages(ftl);
        assert_eq!(m.len(), 2);
        assert_eq!(
            m[0].1.iter().map(String::as_str).collect::<Vec<_>>(),
            ["one", "three", "two"]
        );
        assert!(m[1].1.is_empty());
        assert_eq!(super::variables(ftl, "c"), None);
    }
}
