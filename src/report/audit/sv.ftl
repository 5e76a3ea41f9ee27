# Självskattningens egna texter på svenska: vad som saknas när en frågas nyckeltal inte har
# något att räkna (`missing-*`, frågan besvaras då med Nej), och vad som inte finns när fråga
# 9 eller 12 inte har något att bedöma (`none-*`). Varje text är en sats efter "Underlag
# saknas:" eller "Inget att bedöma:".

# Fråga 1: ingen dokumenttyp är obligatorisk (`[policies] required_types` är tom).
missing-documents = inga dokumenttyper är angivna som obligatoriska
# Fråga 2: ingen organisationspost (som anger nyckelrollerna) och inga enheter.
missing-organisation = ingen organisationspost med nyckelrollerna och inga nämnder, bolag eller förbund
# Fråga 3: `plans` planer för `year`, med `cancelled` avbrutna aktiviteter och inga andra.
missing-plan = { $plans ->
        [0] ingen handlingsplan för { $year }
        [one] handlingsplanen för { $year } har inga aktiviteter
       *[other] handlingsplanerna för { $year } har inga aktiviteter
    }{ $plans ->
        [0] {""}
       *[other] { $cancelled ->
            [0] {""}
           *[other] {" "}utöver avbrutna
        }
    }
# Fråga 4, som CUL001 säger det: `campaigns` utbildningsinsatser i perioden, ingen med
# redovisade resultat.
missing-training = { $campaigns ->
        [0] ingen utbildningsinsats { $window_months ->
            [one] den senaste månaden
           *[other] de senaste { WORDS($window_months) } månaderna
        }
        [one] inga redovisade resultat från utbildningsinsatsen { $window_months ->
            [one] den senaste månaden
           *[other] de senaste { WORDS($window_months) } månaderna
        }
       *[other] inga redovisade resultat från de { WORDS($campaigns) } utbildningsinsatserna { $window_months ->
            [one] den senaste månaden
           *[other] de senaste { WORDS($window_months) } månaderna
        }
    }
# Fråga 5.
missing-units = inga nämnder, bolag eller förbund är registrerade
# Fråga 6: `assets` informationstillgångar i drift, av vilka ingen måste klassas.
missing-classification = { $assets ->
        [0] inga informationstillgångar är registrerade
        [one] den enda informationstillgången i drift är inte verksamhetskritisk, har inga känsliga personuppgifter, omfattas inte av sekretess och stöder ingen samhällsviktig verksamhet
       *[other] ingen av de { WORDS($assets) } informationstillgångarna i drift är verksamhetskritisk, har känsliga personuppgifter, omfattas av sekretess eller stöder samhällsviktig verksamhet
    }
# Fråga 7.
missing-measures = inga genomförda säkerhetsåtgärder är registrerade
# Fråga 8: ingen genomförd åtgärd ger någon av förmågorna.
missing-monitoring = ingen genomförd säkerhetsåtgärd ger övervakning eller intrångsdetektering
# Fråga 9: inget att bedöma.
none-incidents = inga incidenter { $months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($months) } månaderna
    }
# Fråga 10: `assets` informationstillgångar i drift, ingen av dem verksamhetskritisk.
missing-continuity = { $assets ->
        [0] inga informationstillgångar är registrerade
        [one] den enda informationstillgången i drift är inte verksamhetskritisk
       *[other] ingen av de { WORDS($assets) } informationstillgångarna i drift är verksamhetskritisk
    }
# Fråga 11: varken ledningens genomgång eller granskningen av ledningssystemet är aktuell.
missing-follow-ups = ledningens genomgång har inte redovisats för kommunstyrelsen { $review_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($review_months) } månaderna
    }, och ledningssystemet har inte granskats { $audit_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($audit_months) } månaderna
    }
# Fråga 12: inget att bedöma.
none-cloud = inga moln- eller SaaS-tjänster
