# Risk analysis and classification (CLS): the English messages. `id` is the record's id,
# `subject` the finding's subject; the other values are the finding's figures
# (docs/findings.md).

# The grounds read "a, b and c" in a fixed order (critical, sensitive personal data,
# secrecy, essential service): each clause's separator follows from the number of
# grounds and those that come after it.
CLS001 = asset `{ $id }` ({ $name }) { $critical ->
        [own] is critical
        [inherited] is critical through `{ $via }`, which it supports
       *[no] {""}
    }{ $sensitive_personal_data ->
        [yes] { $critical ->
                [no] {""}
               *[other] { $grounds ->
                        [2] {" and "}
                       *[other] {", "}
                    }
            }holds sensitive personal data
       *[no] {""}
    }{ $secrecy ->
        [yes] { $essential_service ->
                [yes] { $grounds ->
                        [2] {""}
                       *[other] {", "}
                    }
               *[no] { $grounds ->
                        [1] {""}
                       *[other] {" and "}
                    }
            }is under secrecy
       *[no] {""}
    }{ $essential_service ->
        [yes] { $grounds ->
                [1] {""}
               *[other] {" and "}
            }supports the essential service `{ $service }`
       *[no] {""}
    }, but has no classification
    .help = classify the asset with its owner and record a classification with `asset: { $id }`

CLS002 = classification `{ $id }` of asset `{ $asset }` dated { $date } is { $age_months ->
        [one] { $age_months } month
       *[other] { $age_months } months
    } old; classifications are to be reviewed within { $max_months ->
        [one] { $max_months } month
       *[other] { $max_months } months
    }
    .help = review the classification with the owner of `{ $asset }` and record it as a new classification

CLS003 = asset `{ $id }` is { $critical ->
        [inherited] critical through `{ $via }`, which it supports
       *[own] critical
    }; it has no risk assessment in the last { $months ->
        [one] { $months } month
       *[other] { $months } months
    } (the latest, `{ $latest }`, was assessed { $assessed })
    .help = analyse the risks of `{ $id }` with its owner and record them as risk records with `asset: { $id }`

CLS003-never = asset `{ $id }` is { $critical ->
        [inherited] critical through `{ $via }`, which it supports
       *[own] critical
    }; it has no risk assessment in the last { $months ->
        [one] { $months } month
       *[other] { $months } months
    } (none recorded)
    .help = analyse the risks of `{ $id }` with its owner and record them as risk records with `asset: { $id }`

CLS004 = risk `{ $id }` has value { $value } (likelihood { $likelihood } × consequence { $consequence }), above the risk appetite of { $appetite }, and its treatment is undecided
    .help = decide the treatment with the risk owner (mitigate, transfer, avoid or accept)

CLS004-no-activity = risk `{ $id }` has value { $value } (likelihood { $likelihood } × consequence { $consequence }), above the risk appetite of { $appetite }, and it is to be mitigated but no activity carries out the treatment
    .help = add the mitigating activities to the action plan and list them in `activities`

CLS005 = asset `{ $id }` ({ $name }) has no classification
    .help = classify the asset with its owner and record a classification with `asset: { $id }`
