# Goals and action plan (PLAN): the English messages. `id` is the record's id, `subject`
# the finding's subject; the other values are the finding's figures (docs/findings.md).

PLAN001 = action plan `{ $id }` for { $year } is not decided (no `decided` date)
    .help = have the executive board decide the { $year } action plan and record `decided`, `decided_by` and `decision_ref`
PLAN001-late = action plan `{ $id }` for { $year } is decided { $decided }, after the as-of date { $as_of }, so the year has no decided plan yet
    .help = { PLAN001.help }
# No plan for the year: repository-wide.
PLAN001-missing = there is no action plan for { $year }, the as-of year
    .help = draw up the { $year } action plan as a `plan` record with `year: { $year }`, have the executive board decide it and record `decided`
PLAN001-missing-earlier = { PLAN001-missing }; the latest is `{ $latest }` for { $latest_year }
    .help = { PLAN001-missing.help }

# `status` is the activity's status; `completed` is given when it was done only after the as-of date.
PLAN002 = activity `{ $id }` of plan `{ $plan }` was due { $due } and is { $days_overdue } { $days_overdue ->
        [one] day
       *[other] days
    } overdue (status { $status ->
        [done] done only on { $completed }, after the as-of date
       *[other] { $status }
    })
    .help = finish it and record `status: done` with `completed`, or decide to postpone (carry it over) or cancel it; past { $error_after_days } { $error_after_days ->
        [one] day
       *[other] days
    } overdue it is an error

PLAN003 = activity `{ $id }` of plan `{ $plan }` has been carried over from { $carried_over } earlier plans ({ $earlier_plans }) and is still { $status ->
        [in_progress] in progress
       *[other] { $status }
    }
    .help = find out why it stalls and decide: give it an owner and resources, split it into steps that fit a year, or cancel it

# The record is the plan; the subject is `goal <goal>`.
PLAN004 = goal `{ $goal }` of the { $year } action plan `{ $id }` has no activity{ $only_cancelled_or_postponed ->
        [yes] { " " }(its only activities are cancelled or postponed)
       *[no] {""}
    }
    .help = add an activity with `plan: { $id }` and `goal: { $goal }`, or take the goal out of the plan
# A goal without a title: said alike in English.
PLAN004-untitled = { PLAN004 }
    .help = { PLAN004.help }
