# The cybersecurity law (NIS): messages in English, compiler style.

## NIS001

NIS001 = organisation `{ $id }` ({ $name }) is a covered entity under the cybersecurity law and records no registration, { $days_overdue ->
        [one] { $days_overdue } day
       *[other] { $days_overdue } days
    } after the deadline of { $deadline }{ $uncertain ->
        [yes] { " " }(a date isms holds as uncertain; set `[cybersecurity] registration_deadline` in `isms.toml` if yours differs)
       *[no] { "" }
    }
    .help = register with the supervisory authority and record the date under `cybersecurity_act.registered`

## NIS002

NIS002 = no training for the management body in the last { $window_months ->
        [one] { $window_months } month
       *[other] { $window_months } months
    } (a campaign for `management_body` or `elected_officials`)
    .help = hold a training for the management body on the law's duties and the organisation's risks, and record it with `audience: [management_body]`

NIS002-old = the latest training for the management body, `{ $id }` ({ $title }), started on { $start }, more than { $window_months ->
        [one] { $window_months } month
       *[other] { $window_months } months
    } ago
    .help = hold a new training for the management body and record it with `audience: [management_body]`

## NIS003

NIS003 = { $status ->
        [planned] risk-management measure `nis2-art21:{ $control }` ({ $label }) is only planned: { $measures }
       *[missing] risk-management measure `nis2-art21:{ $control }` ({ $label }) has nothing that carries it out
    }
    .help = { $status ->
        [planned] put the planned measures in place and record them as implemented
       *[missing] put the measure in place and record it with `controls: [nis2-art21:{ $control }]`, or record the evidence that exists
    }

## NIS004

NIS004 = the management body has not approved the risk-management measures: no statement of applicability for `nis2-art21` approved by the executive board or the council in the last { $window_months } months, and no adopted information security policy with `nis2` in its topics
    .help = add a statement of applicability for `nis2-art21` and have the executive board approve it

NIS004-unapproved = statement of applicability `{ $id }` for `nis2-art21` is not approved, and no adopted information security policy has `nis2` in its topics: the management body has not approved the risk-management measures
    .help = have the executive board approve the statement, and record `approved`, `approved_by` and `decision_ref`

NIS004-old = statement of applicability `{ $id }` for `nis2-art21` was approved on { $approved }, more than { $window_months } months ago: the management body has not approved the risk-management measures since
    .help = have the executive board approve the statement again

NIS004-body = statement of applicability `{ $id }` for `nis2-art21` was approved on { $approved } { $approved_by ->
        [committee] by a committee
        [official] by an official
       *[none] without saying by whom
    }, not by the management body (the executive board or the council)
    .help = have the executive board approve the statement: `approved_by: executive_board`
