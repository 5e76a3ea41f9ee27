# `isms list` in English: the table's headers, its words and the line under it. Columns are
# named by their JSON keys, and enumerated fields show the records' own codes
# (`in_progress`), as they do in JSON.

## A column's header: its key.
list-column = { $column }
## A field that is true (false shows nothing).
list-yes = yes
## A steering document's age in whole years.
list-age = { $years } y
## `16 assets as of 2026-11-28, 10 with findings`.
list-total = { $count } { $count ->
        [one] { $singular }
       *[other] { $plural }
    } as of { $as_of }, { $with_findings } with findings

## The enumerated fields of each kind (`list-KIND-FIELD`), as written in the record.
list-unit-type = { $value }
list-policy-type = { $value }
list-policy-status = { $value }
list-risk-status = { $value }
list-measure-status = { $value }
list-measure-scope = { $value }
list-incident-type = { $value }
list-incident-severity = { $value }
list-incident-status = { $value }
list-activity-status = { $value }
list-training-type = { $value }
list-evaluation-type = { $value }
list-review-type = { $value }
list-finding-status = { $value }
list-supplier-status = { $value }
list-statement_of_applicability-approved_by = { $value }
