# Incidenter (INC): de svenska meddelandena. `id` är postens id, `subject` fyndets ämne;
# övriga värden är fyndets figurer (se docs/findings.md). En tidsfrist är `deadline` i
# `deadline_unit` (hours eller months); tiden en rapport tog är `elapsed_hours` och
# `elapsed_minutes`, eller `elapsed_days` för en tidsfrist i månader. Mottagarna heter som i
# registry/regimes.toml (authority); MSB heter MCF från 2026-01-01.

INC001 = Personuppgiftsincidenten ”{ $title }” ({ $id }) anmäldes till { $authority ->
        [imy] IMY
        [cert_se] CERT-SE vid MCF
        [ncsc] NCSC vid FRA
        [mcf] MCF
        [msb] MSB (från 2026 MCF)
       *[other] { $authority }
    } först { $elapsed_hours ->
        [one] { $elapsed_hours } timme
       *[other] { $elapsed_hours } timmar
    }{ $elapsed_minutes ->
        [0] {""}
        [one] { " och " }{ $elapsed_minutes } minut
       *[other] { " och " }{ $elapsed_minutes } minuter
    } efter upptäckten. Enligt artikel 33 i dataskyddsförordningen ska anmälan göras inom { $deadline_unit ->
        [months] { $deadline ->
            [one] { WORDS($deadline) } månad
           *[other] { WORDS($deadline) } månader
        }
       *[hours] { $deadline ->
            [one] { WORDS($deadline) } timme
           *[other] { WORDS($deadline) } timmar
        }
    }.
    .help = Ange skälen till förseningen under notes (dataskyddsförordningen artikel 33.1). En personuppgiftsincident ska anmälas inom { $deadline_unit ->
        [months] { $deadline ->
            [one] { WORDS($deadline) } månad
           *[other] { WORDS($deadline) } månader
        }
       *[hours] { $deadline ->
            [one] { WORDS($deadline) } timme
           *[other] { WORDS($deadline) } timmar
        }
    } från upptäckten.

INC001-missing = Personuppgiftsincidenten ”{ $title }” ({ $id }) har inte anmälts till { $authority ->
        [imy] IMY
        [cert_se] CERT-SE vid MCF
        [ncsc] NCSC vid FRA
        [mcf] MCF
        [msb] MSB (från 2026 MCF)
       *[other] { $authority }
    }. Enligt artikel 33 i dataskyddsförordningen skulle den ha anmälts inom { $deadline_unit ->
        [months] { $deadline ->
            [one] { WORDS($deadline) } månad
           *[other] { WORDS($deadline) } månader
        }
       *[hours] { $deadline ->
            [one] { WORDS($deadline) } timme
           *[other] { WORDS($deadline) } timmar
        }
    } från upptäckten, senast { $due }.
    .help = Anmäl incidenten till { $authority ->
        [imy] IMY
        [cert_se] CERT-SE vid MCF
        [ncsc] NCSC vid FRA
        [mcf] MCF
        [msb] MSB (från 2026 MCF)
       *[other] { $authority }
    } och för in anmälan under notifications. Krävs ingen anmälan, ange false under notification_required och skälet under no_notification_reason.

# Ämnet är den försenade rapportens steg: early_warning, initial eller final. Före
# cybersäkerhetslagen (regime nis-2018 och nis-2019) hette incidenten rapporteringspliktig, inte betydande.
INC002 = { $subject ->
        [early_warning] Den tidiga varningen
        [final] Slutrapporten
       *[initial] Incidentanmälan
    } om { $regime ->
        [nis-2018] den rapporteringspliktiga incidenten
        [nis-2019] den rapporteringspliktiga incidenten
       *[other] den betydande incidenten
    } ”{ $title }” ({ $id }) skickades { $deadline_unit ->
        [months] { $elapsed_days ->
            [one] { WORDS($elapsed_days) } dag
           *[other] { WORDS($elapsed_days) } dagar
        }
       *[hours] { $elapsed_hours ->
            [one] { $elapsed_hours } timme
           *[other] { $elapsed_hours } timmar
        }{ $elapsed_minutes ->
            [0] {""}
            [one] { " och " }{ $elapsed_minutes } minut
           *[other] { " och " }{ $elapsed_minutes } minuter
        }
    } efter { $counted_from ->
        [initial] incidentanmälan
       *[detection] upptäckten
    }. Vid { $regime_name } ska den skickas inom { $deadline_unit ->
        [months] { $deadline ->
            [one] { WORDS($deadline) } månad
           *[other] { WORDS($deadline) } månader
        }
       *[hours] { $deadline ->
            [one] { WORDS($deadline) } timme
           *[other] { WORDS($deadline) } timmar
        }
    }.
    .help = Ange skälen till förseningen under notes. { $subject ->
        [early_warning] Den tidiga varningen
        [final] Slutrapporten
       *[initial] Incidentanmälan
    } ska skickas inom { $deadline_unit ->
        [months] { $deadline ->
            [one] { WORDS($deadline) } månad
           *[other] { WORDS($deadline) } månader
        }
       *[hours] { $deadline ->
            [one] { WORDS($deadline) } timme
           *[other] { WORDS($deadline) } timmar
        }
    } från { $counted_from ->
        [initial] incidentanmälan
       *[detection] upptäckten
    }.

# De saknade rapporterna är `reports` till antalet; den n:te är `report_n` (dess steg), som
# ska skickas inom `deadline_n` `deadline_unit_n` från `counted_from_n`, senast `due_n`.
# Attributen `report-n` säger en av dem.
INC002-missing = För { $regime ->
        [nis-2018] den rapporteringspliktiga incidenten
        [nis-2019] den rapporteringspliktiga incidenten
       *[other] den betydande incidenten
    } ”{ $title }” ({ $id }) har { $reports ->
        [1] ingen { INC002-missing.report-1 }
        [2] varken { INC002-missing.report-1 } eller { INC002-missing.report-2 }
       *[other] varken { INC002-missing.report-1 }, { INC002-missing.report-2 } eller { INC002-missing.report-3 }
    } skickats till { $authority ->
        [imy] IMY
        [cert_se] CERT-SE vid MCF
        [ncsc] NCSC vid FRA
        [mcf] MCF
        [msb] MSB (från 2026 MCF)
       *[other] { $authority }
    }, trots att det krävs vid { $regime_name }.
    .help = Skicka rapporterna till { $authority ->
        [imy] IMY
        [cert_se] CERT-SE vid MCF
        [ncsc] NCSC vid FRA
        [mcf] MCF
        [msb] MSB (från 2026 MCF)
       *[other] { $authority }
    } och för in var och en under notifications med rätt kind (early_warning, initial eller final).
    .report-1 = { $report_1 ->
        [early_warning] tidig varning
        [final] slutrapport
       *[initial] incidentanmälan
    } (inom { $deadline_unit_1 ->
        [months] { $deadline_1 ->
            [one] { WORDS($deadline_1) } månad
           *[other] { WORDS($deadline_1) } månader
        }
       *[hours] { $deadline_1 ->
            [one] { WORDS($deadline_1) } timme
           *[other] { WORDS($deadline_1) } timmar
        }
    } från { $counted_from_1 ->
        [initial] incidentanmälan
       *[detection] upptäckten
    }, senast { $due_1 })
    .report-2 = { $report_2 ->
        [early_warning] tidig varning
        [final] slutrapport
       *[initial] incidentanmälan
    } (inom { $deadline_unit_2 ->
        [months] { $deadline_2 ->
            [one] { WORDS($deadline_2) } månad
           *[other] { WORDS($deadline_2) } månader
        }
       *[hours] { $deadline_2 ->
            [one] { WORDS($deadline_2) } timme
           *[other] { WORDS($deadline_2) } timmar
        }
    } från { $counted_from_2 ->
        [initial] incidentanmälan
       *[detection] upptäckten
    }, senast { $due_2 })
    .report-3 = { $report_3 ->
        [early_warning] tidig varning
        [final] slutrapport
       *[initial] incidentanmälan
    } (inom { $deadline_unit_3 ->
        [months] { $deadline_3 ->
            [one] { WORDS($deadline_3) } månad
           *[other] { WORDS($deadline_3) } månader
        }
       *[hours] { $deadline_3 ->
            [one] { WORDS($deadline_3) } timme
           *[other] { WORDS($deadline_3) } timmar
        }
    } från { $counted_from_3 ->
        [initial] incidentanmälan
       *[detection] upptäckten
    }, senast { $due_3 })

INC003 = Incidenten ”{ $title }” ({ $id }) avslutades { $closed } utan att { $root_cause_missing ->
        [yes] { $lessons_missing ->
            [yes] grundorsak och lärdomar
           *[no] grundorsaken
        }
       *[no] lärdomarna
    } dokumenterats.
    .help = Analysera incidenten och för in grundorsaken under root_cause och lärdomarna under lessons.

INC003-undated = Incidenten ”{ $title }” ({ $id }) är avslutad utan att { $root_cause_missing ->
        [yes] { $lessons_missing ->
            [yes] grundorsak och lärdomar
           *[no] grundorsaken
        }
       *[no] lärdomarna
    } dokumenterats.
    .help = Analysera incidenten och för in grundorsaken under root_cause och lärdomarna under lessons. Ange också när den avslutades under closed.

INC004 = Incidenten ”{ $title }” ({ $id }), upptäckt { $detected }, är { $status ->
        [contained] begränsad men fortfarande inte avslutad
       *[open] fortfarande öppen
    } efter { $days_open ->
        [one] { WORDS($days_open) } dag
       *[other] { WORDS($days_open) } dagar
    }. En incident bör avslutas inom { $threshold ->
        [one] { WORDS($threshold) } dag
       *[other] { WORDS($threshold) } dagar
    }.
    .help = Avsluta incidenten: för in grundorsak och lärdomar och ange closed under status. Arbete som återstår flyttas till en aktivitet i handlingsplanen.

INC005 = Incidenten ”{ $title }” ({ $id }), upptäckt { $detected }, har { $rating ->
        [critical] kritisk
       *[high] hög
    } allvarlighetsgrad men ingen uppföljande aktivitet.
    .help = Lägg till en aktivitet i handlingsplanen för det som behöver ändras, och ange den under activities.
