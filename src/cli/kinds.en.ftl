# The record kinds' names in the singular, for `isms due` and `isms list` (src/cli/list.rs
# loads this file into both catalogues). The plurals are the tool's own: `kind-plural` in
# src/l10n/. English names a kind by its code, as records write it: `continuity_plan`.

kind-singular = { $kind }
