# Suppliers (SUP): the English messages. `id` is the record's id, `subject` the finding's
# subject; the other values are the finding's figures (docs/findings.md). `critical` is
# `stated` or `inferred`; an inferred criticality names the critical assets the supplier
# serves (`critical_assets`, `critical_asset_count`).

SUP001 = { $critical ->
        [inferred] supplier `{ $id }`, critical as it serves { $critical_asset_count ->
                [one] the critical asset
               *[other] the critical assets
            } { $critical_assets },
       *[stated] critical supplier `{ $id }`
    } { $security_requirements ->
        [no] has a contract that states no security requirements (`security_requirements: false`)
       *[absent] has no security requirements recorded for its contract (`contract.security_requirements`)
    }
    .critical_assets = { $position ->
        [first] {""}
        [last] {" and "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {" "}(critical as it supports { $through })
       *[own] {""}
    }
    .help = agree security requirements with the supplier (access control, logging, vulnerability handling, incident notification, audit rights) and record `contract.security_requirements: true`

SUP002 = { $critical ->
        [inferred] supplier `{ $id }`, critical as it serves { $critical_asset_count ->
                [one] the critical asset
               *[other] the critical assets
            } { $critical_assets },
       *[stated] critical supplier `{ $id }`
    } { $assessment ->
        [outdated] was last assessed on { $assessed }, { $age_months ->
                [one] { $age_months } month
               *[other] { $age_months } months
            } ago
       *[never] has no security assessment on record
    }; critical suppliers are to be assessed within { $max_months ->
        [one] { $max_months } month
       *[other] { $max_months } months
    }
    .critical_assets = { $position ->
        [first] {""}
        [last] {" and "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {" "}(critical as it supports { $through })
       *[own] {""}
    }
    .help = assess the supplier's security (a questionnaire, its certifications and audit reports, an audit under the contract) and record the date in `assessed`

SUP003 = supplier `{ $id }` processes personal data on the organisation's behalf { $agreement ->
        [later] but its data processing agreement (`contract.dpa`) is dated { $dpa }, after the as-of date
       *[none] with no data processing agreement (`contract.dpa`)
    }
    .help = sign a data processing agreement (GDPR art. 28(3)) and record its date in `contract.dpa`; if the supplier processes no personal data on your behalf, record `processor: false`

SUP004 = { $critical ->
        [inferred] supplier `{ $id }`, critical as it serves { $critical_asset_count ->
                [one] the critical asset
               *[other] the critical assets
            } { $critical_assets },
       *[stated] critical supplier `{ $id }`
    } { $notification ->
        [later] may take { $hours } h to notify the organisation of an incident
       *[unstated] has no time for notifying the organisation of an incident (`contract.incident_notification_hours`)
    }; the organisation must itself report within { $deadline_hours } h ({ $deadline_law ->
        [cybersecurity_act] the early warning of a significant incident under the cybersecurity law
       *[gdpr] a personal-data breach to IMY, GDPR art. 33
    })
    .critical_assets = { $position ->
        [first] {""}
        [last] {" and "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {" "}(critical as it supports { $through })
       *[own] {""}
    }
    .help = agree a notification time within { $deadline_hours } h, leaving time to assess and report, and record it in `contract.incident_notification_hours`

SUP005 = { $critical ->
        [inferred] supplier `{ $id }`, critical as it serves { $critical_asset_count ->
                [one] the critical asset
               *[other] the critical assets
            } { $critical_assets },
       *[stated] critical supplier `{ $id }`
    } has a contract that { $ended ->
        [yes] ended on { $ends }, while the supplier is still active,
       *[no] ends on { $ends }, within { $window_months } months,
    } and no exit plan (`contract.exit_plan`)
    .critical_assets = { $position ->
        [first] {""}
        [last] {" and "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {" "}(critical as it supports { $through })
       *[own] {""}
    }
    .help = write an exit plan with the supplier (data handover and formats, transition period, deletion) and record `contract.exit_plan: true`, or extend the contract and update `contract.ends`
