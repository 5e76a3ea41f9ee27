# `isms due` in English: each deadline in words (its `summary` in the table, in JSON and as
# the calendar event's SUMMARY), the table and the calendar's descriptions. Record titles
# and ids are in backticks.

## A steering document's type, as the review messages name it (`$type_name`).
due-policy-type = { $type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    }
## DOC001's deadlines: a review at the document's own interval, a review at the configured
## warning age, the end of its maximum age.
due-review-interval = review { $type_name } `{ $title }` (its review interval of { $years ->
        [one] 1 year
       *[other] { $years } years
    })
due-review-age = review { $type_name } `{ $title }` ({ $years ->
        [one] 1 year
       *[other] { $years } years
    } old)
due-max-age = { $type_name } `{ $title }` reaches the maximum age of { $years ->
        [one] 1 year
       *[other] { $years } years
    }
## CLS002: the renewal of an asset's current classification.
due-classification = renew the classification of `{ $asset }` (classified { $classified }, `{ $classification }`)
## BCM002: a continuity plan's next exercise.
due-exercise = exercise continuity plan `{ $title }` (last exercised { $last_exercised })
due-exercise-never = exercise continuity plan `{ $title }` (documented { $documented }, never exercised)
## SEC002: a measure's next verification.
due-verification = verify measure `{ $title }` (last verified { $last_verified })
due-verification-never = verify measure `{ $title }` (implemented { $implemented }, never verified)
## An open activity's due date, with its status.
due-activity = activity `{ $title }` is due ({ $status ->
        [planned] planned
        [in_progress] in progress
        [done] done
        [postponed] postponed
        [cancelled] cancelled
       *[other] { $status }
    })
due-activity-done-later = activity `{ $title }` is due (done only on { $completed })
## An outstanding audit finding's due date.
due-audit-finding = audit finding `{ $title }` is due
## The last day of a waiver.
due-waiver = the waiver of { $rule } expires ({ $reason })
## IMY's deadline for a personal-data breach: a date and a local time.
due-breach = notify IMY of the personal-data breach `{ $title }` by { $deadline } { $time } ({ $hours } hours after detection)

## The table: its headers, the mark of a deadline before the as-of date, the record column
## and the line under the table.
due-header-date = date
due-header-state = {""}
due-header-what = what
due-header-record = record
due-header-path = path
due-overdue = overdue
due-record = { $kind_name } { $id }
due-total = { $count ->
        [one] 1 deadline
       *[other] { $count } deadlines
    } up to { $until } ({ $overdue } overdue as of { $as_of })

## The calendar event's DESCRIPTION: the record and its file.
due-ics-description = { $kind_name } { $id } in { $path }
## SUP002: a critical supplier's next security assessment.
due-supplier-assessment = assess supplier `{ $name }` again (last assessed { $assessed })
## A supplier's contract ends; SUP005 asks a critical supplier for an exit plan.
due-contract-end = the contract with supplier `{ $name }` ends{ $critical ->
        [yes] { $exit_plan ->
            [yes] { "" }
           *[no] { " " }(a critical supplier without an exit plan)
        }
       *[no] { "" }
    }
## FRM002: an excluded control is to be reconsidered.
due-exclusion-review = reconsider the exclusion of `{ $control }` from `{ $framework }` ({ $reason })
