# Security culture (CUL): the English messages. `id` is the record's id, `subject` the
# finding's subject; the other values are the finding's figures (docs/findings.md).
# `unit` and `highest_unit` name a unit record (shown as its id in backticks).

CUL001 = training completion of unit { $unit } is { $completion } ({ $completed } of { $targeted } targeted, { $campaigns } { $campaigns ->
        [one] campaign
       *[other] campaigns
    } in the last { $window_months } { $window_months ->
        [one] month
       *[other] months
    }), below the target of { $target }
    .help = follow up with the management of { $unit } and record the new completion figures under `results`

CUL001-organisation = training completion organisation-wide is { $completion } ({ $completed } of { $targeted } targeted, { $campaigns } { $campaigns ->
        [one] campaign
       *[other] campaigns
    } in the last { $window_months } { $window_months ->
        [one] month
       *[other] months
    }), below the target of { $target }
    .help = follow up with the units below target and record each campaign's results per unit

# Nothing to count organisation-wide: `campaigns` is the number of training campaigns in the
# window (none of which has reported results); completion counts as `completion`, 0 %.
CUL001-none = { $campaigns ->
        [0] no training campaign in the last { $window_months } { $window_months ->
            [one] month
           *[other] months
        }
       *[other] { $campaigns } training { $campaigns ->
            [one] campaign
           *[other] campaigns
        } in the last { $window_months } { $window_months ->
            [one] month
           *[other] months
        }, but no reported results
    }: training completion organisation-wide counts as { $completion }, below the target of { $target }
    .help = { $campaigns ->
        [0] train the staff and record the campaign as a `training` record with its `results` per unit
       *[other] record each campaign's results per unit (`targeted` and `completed`) as they come in
    }

CUL002 = phishing simulation `{ $id }` started { $start } had a click rate of { $click_rate } ({ $clicked } of { $targeted } targeted), above the maximum of { $maximum }{ $result_rows ->
        [1] {""}
       *[other] ; highest in { $highest_unit }: { $highest_rate }
    }
    .help = give the units with the highest click rates targeted training and repeat the simulation within { $window_months } { $window_months ->
        [one] month
       *[other] months
    }

CUL003 = { $unit_type } `{ $id }` ({ $name }) was reached by no training campaign or phishing simulation in the last { $window_months } { $window_months ->
        [one] month
       *[other] months
    }
    .help = include the unit in the next campaign and record its figures under `results`
