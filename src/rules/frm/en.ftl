# Frameworks (FRM): messages in English, compiler style.

## FRM001

FRM001 = statement of applicability `{ $id }` for `{ $framework }` was approved on { $approved }, and its approval ran out on { $expired } ({ $review_months ->
        [one] { $review_months } month
       *[other] { $review_months } months
    } later)
    .help = review the statement and have the executive board approve it again; record the new `approved` date and `decision_ref`

FRM001-none = framework `{ $framework }` ({ $framework_name }) is listed in `isms.toml` but has no statement of applicability
    .help = add a `statement_of_applicability` record with `framework: { $framework }` (`isms new statement_of_applicability`), and have the executive board approve it

FRM001-unapproved = statement of applicability `{ $id }` for `{ $framework }` is not approved
    .help = have the executive board (or the council) approve it, and record `approved`, `approved_by` and `decision_ref`

FRM001-body = statement of applicability `{ $id }` for `{ $framework }` was approved on { $approved } { $approved_by ->
        [committee] by a committee
        [official] by an official
       *[none] without saying by whom
    }, not by the executive board or the council
    .help = the management body approves the statement: `approved_by: executive_board` (or `municipal_council`)

FRM001-unknown = `isms.toml` lists framework `{ $framework }`, which is neither built in nor a framework record{ $has_closest ->
        [yes] { " " }(did you mean `{ $closest }`?)
       *[no] { "" }
    }
    .help = the built-in frameworks are `iso27001-2022` and `nis2-art21`; a framework of your own is a `framework` record

## FRM002

FRM002 = the exclusion of `{ $control }` from `{ $framework }` was to be reconsidered by { $review }, { $days_overdue ->
        [one] { $days_overdue } day
       *[other] { $days_overdue } days
    } ago
    .help = reconsider the exclusion: give a new `review` date if the reason still holds, or remove the exclusion and put the control in place

## FRM003

FRM003 = applicable control `{ $framework }:{ $control }` ({ $label }) has no measure, document or other evidence
    .help = record the measure that carries it out (`controls: [{ $framework }:{ $control }]`), or exclude the control in the statement of applicability with the reason

FRM003-external = physical control `{ $framework }:{ $control }` ({ $label }) has no evidence; every active asset is hosted externally, so it is the providers' to carry out
    .help = exclude the control with the reason (the providers' premises), or record how the suppliers' physical security is followed up
