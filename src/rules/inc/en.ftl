# Incidents (INC): the English messages. `id` is the record's id, `subject` the finding's
# subject; the other values are the finding's figures (docs/findings.md). A deadline is
# `deadline` in `deadline_unit` (hours or months); the time a report took is
# `elapsed_hours` and `elapsed_minutes`, or `elapsed_days` for a deadline in months.

INC001 = breach `{ $id }` was notified to { $authority ->
        [imy] IMY
        [cert_se] CERT_SE
        [ncsc] NCSC
        [mcf] MCF
        [msb] MSB
       *[other] { $authority }
    } { $elapsed_minutes ->
        [0] { $elapsed_hours } h
       *[other] { $elapsed_hours } h { $elapsed_minutes } min
    } after detection; GDPR art. 33 allows { $deadline_unit ->
        [months] { $deadline ->
            [one] { $deadline } month
           *[other] { $deadline } months
        }
       *[hours] { $deadline } h
    }
    .help = record the reasons for the delay in `notes` (GDPR art. 33(1)); notifications are due within { $deadline_unit ->
        [months] { $deadline ->
            [one] { $deadline } month
           *[other] { $deadline } months
        }
       *[hours] { $deadline } h
    } of detection

INC001-missing = breach `{ $id }` detected { $detected } has not been notified to { $authority ->
        [imy] IMY
        [cert_se] CERT_SE
        [ncsc] NCSC
        [mcf] MCF
        [msb] MSB
       *[other] { $authority }
    }; GDPR art. 33 allowed { $deadline_unit ->
        [months] { $deadline ->
            [one] { $deadline } month
           *[other] { $deadline } months
        }
       *[hours] { $deadline } h
    }, until { $due }
    .help = notify { $authority ->
        [imy] IMY
        [cert_se] CERT_SE
        [ncsc] NCSC
        [mcf] MCF
        [msb] MSB
       *[other] { $authority }
    } and record it under `notifications`, or set `notification_required: false` with a `no_notification_reason`

# The subject is the late report's stage: early_warning, initial or final.
INC002 = { $subject ->
        [early_warning] early warning
        [final] final report
       *[initial] incident notification
    } for significant incident `{ $id }` was sent { $deadline_unit ->
        [months] { $elapsed_days ->
            [one] { $elapsed_days } day
           *[other] { $elapsed_days } days
        }
       *[hours] { $elapsed_minutes ->
            [0] { $elapsed_hours } h
           *[other] { $elapsed_hours } h { $elapsed_minutes } min
        }
    } after { $counted_from ->
        [initial] the incident notification
       *[detection] detection
    }; { $regime_name } allows { $deadline_unit ->
        [months] { $deadline ->
            [one] { $deadline } month
           *[other] { $deadline } months
        }
       *[hours] { $deadline } h
    }
    .help = record the reasons for the delay in `notes`; the { $subject ->
        [early_warning] early warning
        [final] final report
       *[initial] incident notification
    } is due within { $deadline_unit ->
        [months] { $deadline ->
            [one] { $deadline } month
           *[other] { $deadline } months
        }
       *[hours] { $deadline } h
    } of { $counted_from ->
        [initial] the incident notification
       *[detection] detection
    }

# The missing reports are `reports` in number; the n-th is `report_n` (its stage), due
# within `deadline_n` `deadline_unit_n` of `counted_from_n`, by `due_n`. The attributes
# `report-n` say one of them.
INC002-missing = significant incident `{ $id }` detected { $detected } has no { INC002-missing.report-1 }{ $reports ->
        [1] {""}
        [2] { " and no " }{ INC002-missing.report-2 }
       *[other] { " and no " }{ INC002-missing.report-2 }{ " and no " }{ INC002-missing.report-3 }
    } to { $recipients }, as { $regime_name } requires
    .help = send the reports to { $authority } and record each under `notifications` with its `kind` (early_warning, initial, final)
    .report-1 = { $report_1 ->
        [early_warning] early warning
        [final] final report
       *[initial] incident notification
    } (due within { $deadline_unit_1 ->
        [months] { $deadline_1 ->
            [one] { $deadline_1 } month
           *[other] { $deadline_1 } months
        }
       *[hours] { $deadline_1 } h
    } of { $counted_from_1 ->
        [initial] the incident notification
       *[detection] detection
    }, by { $due_1 })
    .report-2 = { $report_2 ->
        [early_warning] early warning
        [final] final report
       *[initial] incident notification
    } (due within { $deadline_unit_2 ->
        [months] { $deadline_2 ->
            [one] { $deadline_2 } month
           *[other] { $deadline_2 } months
        }
       *[hours] { $deadline_2 } h
    } of { $counted_from_2 ->
        [initial] the incident notification
       *[detection] detection
    }, by { $due_2 })
    .report-3 = { $report_3 ->
        [early_warning] early warning
        [final] final report
       *[initial] incident notification
    } (due within { $deadline_unit_3 ->
        [months] { $deadline_3 ->
            [one] { $deadline_3 } month
           *[other] { $deadline_3 } months
        }
       *[hours] { $deadline_3 } h
    } of { $counted_from_3 ->
        [initial] the incident notification
       *[detection] detection
    }, by { $due_3 })

INC003 = incident `{ $id }` was closed on { $closed } without { $root_cause_missing ->
        [yes] root cause{ $lessons_missing ->
            [yes] { " and without lessons learned" }
           *[no] {""}
        }
       *[no] lessons learned
    }
    .help = analyse the incident and record its `root_cause` and `lessons`

INC003-undated = incident `{ $id }` was closed without { $root_cause_missing ->
        [yes] root cause{ $lessons_missing ->
            [yes] { " and without lessons learned" }
           *[no] {""}
        }
       *[no] lessons learned
    }
    .help = analyse the incident and record its `root_cause` and `lessons`

INC004 = incident `{ $id }` detected { $detected } is still { $status ->
        [contained] contained
       *[open] open
    } after { $days_open ->
        [one] { $days_open } day
       *[other] { $days_open } days
    }; incidents should be closed within { $threshold ->
        [one] { $threshold } day
       *[other] { $threshold } days
    }
    .help = finish the incident (root cause, lessons, `status: closed`) and move remaining work to an activity

INC005 = { $rating } incident `{ $id }` detected { $detected } has no follow-up activity
    .help = add an activity to the action plan for what must change, and list it under `activities`
