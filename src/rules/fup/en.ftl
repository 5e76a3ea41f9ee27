# Follow-up (FUP): the English messages. `id` is the record's id, `subject` the finding's
# subject; the other values are the finding's figures (docs/findings.md).

FUP001 = the latest management review `{ $id }` is of { $date }, { $age_months ->
        [one] { $age_months } month
       *[other] { $age_months } months
    } ago; the executive board should get one every { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    }
    .help = present a management review to the executive board and record it (`type: management_review`, `presented_to: executive_board`)

FUP001-elsewhere = management review `{ $id }` of { $date } was presented to the { $presented_to ->
        [municipal_council] municipal council
        [executive_board] executive board
        [committee] committee
        [official] official
       *[other] { $presented_to }
    }, not to the executive board; the board should get one every { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    }
    .help = present a management review to the executive board and record it (`type: management_review`, `presented_to: executive_board`)

FUP001-unpresented = management review `{ $id }` of { $date } records no `presented_to`, not to the executive board; the board should get one every { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    }
    .help = present a management review to the executive board and record it (`type: management_review`, `presented_to: executive_board`)

FUP001-none = no management review is recorded; the executive board should get one every { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    }
    .help = present a management review to the executive board and record it (`type: management_review`, `presented_to: executive_board`)

FUP002 = the latest audit of the ISMS, { $audit_type ->
        [internal_audit] internal
       *[external_audit] external
    } audit `{ $id }`, is of { $date }, { $age_months ->
        [one] { $age_months } month
       *[other] { $age_months } months
    } ago; an audit is expected every { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    }
    .help = carry out an internal audit or have the ISMS audited, and record it as a review of `type: internal_audit` or `external_audit`

FUP002-none = no internal or external audit of the ISMS is recorded; an audit is expected every { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    }
    .help = carry out an internal audit or have the ISMS audited, and record it as a review of `type: internal_audit` or `external_audit`

FUP003 = unit `{ $id }` has had no self-assessment, Infosäkkollen or management review in the last { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    } (last followed up { $last_follow_up })
    .help = have the unit carry out a self-assessment and record it as a review listing `{ $id }` under `units`

FUP003-never = unit `{ $id }` has had no self-assessment, Infosäkkollen or management review in the last { $threshold_months ->
        [one] { $threshold_months } month
       *[other] { $threshold_months } months
    } (never followed up)
    .help = have the unit carry out a self-assessment and record it as a review listing `{ $id }` under `units`

FUP004 = audit finding `{ $id }` (from `{ $source }`) was due { $due } and is still { $status ->
        [in_progress] in progress
       *[open] open
    }, { $days_overdue ->
        [one] { $days_overdue } day
       *[other] { $days_overdue } days
    } later
    .help = finish the answer and set `status: done`, or agree a new `due` date with the auditors

FUP004-unaddressed = audit finding `{ $id }` (from `{ $source }`) is open with no activity that addresses it
    .help = plan the answer as an activity of the action plan with `addresses: [{ $id }]`
