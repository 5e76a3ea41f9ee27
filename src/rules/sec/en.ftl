# Technical measures and evaluation (SEC): the English messages. `id` is the record's id,
# `subject` the finding's subject; the other values are the finding's figures
# (docs/findings.md). An attribute named like a value says each of its parts; `position`
# (`first`, `last`, `other`) joins a part to the one before.

SEC001 = asset `{ $id }` ({ $levels_from ->
        [classification] levels { $levels } from classification `{ $classification }`
        [supported] levels { $levels } inherited from { $supported }, which it supports
        [both] levels { $levels } from classification `{ $classification }` and inherited from { $supported }, which it supports
       *[none] not classified
    }) has no implemented measure in scope providing { $missing }
    .missing = { $position ->
        [first] {""}
       *[other] {", "}
    }{ $capability } ({ $requirements })
    .supported = { $position ->
        [first] {""}
       *[other] {" and "}
    }`{ $asset }`
    .help = implement a measure providing each capability, organisation-wide or listed in the asset's `measures`; a `requirement` record with the same id replaces a baseline requirement that does not fit

SEC002 = measure `{ $id }` { $verification ->
        [late] was last verified { $last_verified }, { $months_ago ->
            [one] { $months_ago } month
           *[other] { $months_ago } months
        } ago
        [never] implemented { $implemented }, { $months_ago ->
            [one] { $months_ago } month
           *[other] { $months_ago } months
        } ago, has never been verified
       *[undated] has never been verified and has no implementation date
    }; it is to be verified every { $interval_months ->
        [one] { $interval_months } month
       *[other] { $interval_months } months
    }
    .help = verify that the measure works (test, review or audit) and record the date in `last_verified`

SEC003-pentest = no external penetration test in the last { $max_age_months ->
        [one] { $max_age_months } month
       *[other] { $max_age_months } months
    }; the latest, `{ $latest }`, is dated { $latest_date }
    .help = commission an external penetration test and record it as an evaluation with `performed_by: external`

SEC003-pentest-never = no external penetration test in the last { $max_age_months ->
        [one] { $max_age_months } month
       *[other] { $max_age_months } months
    }; none is recorded
    .help = commission an external penetration test and record it as an evaluation with `performed_by: external`

SEC003-scan = asset `{ $id }` is { $critical ->
        [through] critical through `{ $through }`, which it supports
       *[own] critical
    }; no vulnerability scan in the last { $max_age_months ->
        [one] { $max_age_months } month
       *[other] { $max_age_months } months
    } covers it (the latest covering it, `{ $latest }`, is dated { $latest_date })
    .help = include `{ $id }` in the scope of a vulnerability scan and record it as an evaluation

SEC003-scan-never = asset `{ $id }` is { $critical ->
        [through] critical through `{ $through }`, which it supports
       *[own] critical
    }; no vulnerability scan in the last { $max_age_months ->
        [one] { $max_age_months } month
       *[other] { $max_age_months } months
    } covers it (none has covered it)
    .help = include `{ $id }` in the scope of a vulnerability scan and record it as an evaluation

SEC004 = { $severity } finding `{ $subject }` ({ $title }) of evaluation `{ $id }` dated { $date } has been open { $age_days ->
        [one] { $age_days } day
       *[other] { $age_days } days
    }; { $severity } findings are to be fixed within { $max_days ->
        [one] { $max_days } day
       *[other] { $max_days } days
    }
    .help = fix the finding and set `status: fixed` with the `fixed` date, or have the risk owner accept it (`status: accepted`)

SEC004-untitled = { $severity } finding `{ $subject }` of evaluation `{ $id }` dated { $date } has been open { $age_days ->
        [one] { $age_days } day
       *[other] { $age_days } days
    }; { $severity } findings are to be fixed within { $max_days ->
        [one] { $max_days } day
       *[other] { $max_days } days
    }
    .help = fix the finding and set `status: fixed` with the `fixed` date, or have the risk owner accept it (`status: accepted`)

SEC005 = { $monitoring ->
        [unprovided] no implemented measure provides monitoring
        [unverified] monitoring is provided only by { $monitoring_by }
       *[verified] {""}
    }{ $monitoring ->
        [verified] {""}
       *[other] { $intrusion_detection ->
            [verified] {""}
           *[other] {"; "}
        }
    }{ $intrusion_detection ->
        [unprovided] no implemented measure provides intrusion_detection
        [unverified] intrusion_detection is provided only by { $intrusion_detection_by }
       *[verified] {""}
    }
    .monitoring_by = { $position ->
        [first] {""}
       *[other] {" and "}
    }`{ $measure }`, { $verification ->
        [late] last verified { $last_verified }, not within its { $interval_months }-month interval
        [never] implemented { $implemented } and never verified
       *[undated] never verified
    }
    .intrusion_detection_by = { SEC005.monitoring_by }
    .help = { $one_measure ->
        [yes] verify that `{ $id }` detects and alerts (an alarm test, a review of its reports) and record the date in `last_verified`
       *[no] implement monitoring and intrusion detection, verify that they alert, and record the date in `last_verified`
    }

SEC005-alike = { $monitoring ->
        [unprovided] no implemented measure provides monitoring or intrusion_detection
       *[unverified] monitoring and intrusion_detection are provided only by { $monitoring_by }
    }
    .monitoring_by = { SEC005.monitoring_by }
    .intrusion_detection_by = { SEC005.monitoring_by }
    .help = { SEC005.help }
