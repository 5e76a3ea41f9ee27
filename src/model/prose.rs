//! Free text in records (`notes`, `description`, `rationale`): read, checked by the
//! schemas and written out by `list` and `export`; no rule and no report judges it.

/// A free-text field of a record: its text, or `None` when the record has no such field.
pub type Prose = Option<String>;
