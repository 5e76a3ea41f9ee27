# Continuity (BCM): the English messages. `id` is the record's id, `subject` the finding's
# subject; the other values are the finding's figures (docs/findings.md). An attribute
# named like a value says each of its parts; `position` (`first`, `last`, `other`) joins a
# part to the one before.

BCM001 = { $critical ->
        [through] asset `{ $id }` is critical through `{ $through }`, which it supports, and is covered by no continuity plan
       *[own] critical asset `{ $id }` is covered by no continuity plan
    }
    .help = write a continuity plan with reserve routines and list `{ $id }` under its `assets`

BCM001-availability = asset `{ $id }` has availability level { $level } ({ $levels_from ->
        [supported] inherited from { $supported }, which it supports
       *[classification] classification `{ $classification }`
    }) and is covered by no continuity plan
    .supported = { $position ->
        [first] {""}
       *[other] {" and "}
    }`{ $asset }`
    .help = write a continuity plan with reserve routines and list `{ $id }` under its `assets`

BCM002 = continuity plan `{ $id }` was last exercised { $last_exercised }, { $months_ago ->
        [one] { $months_ago } month
       *[other] { $months_ago } months
    } ago; plans should be exercised within { $max_age_months ->
        [one] { $max_age_months } month
       *[other] { $max_age_months } months
    }
    .help = exercise the plan, record it under `exercises` and revise the plan after it

BCM002-never = continuity plan `{ $id }` has never been exercised; plans should be exercised within { $max_age_months ->
        [one] { $max_age_months } month
       *[other] { $max_age_months } months
    }
    .help = exercise the plan, record it under `exercises` and revise the plan after it

BCM003 = critical asset `{ $id }`{ $critical ->
        [through] {" "}(critical through `{ $through }`, which it supports)
       *[own] {""}
    }: its continuity plan { $plans } has never had a restore test
    .plans = { $position ->
        [first] {""}
       *[other] {", "}
    }`{ $plan }`
    .help = restore `{ $id }` from backup in a test, and record it as an exercise of `type: restore_test`

BCM003-plans = critical asset `{ $id }`{ $critical ->
        [through] {" "}(critical through `{ $through }`, which it supports)
       *[own] {""}
    }: none of its continuity plans { $plans } has never had a restore test
    .plans = { BCM003.plans }
    .help = restore `{ $id }` from backup in a test, and record it as an exercise of `type: restore_test`
