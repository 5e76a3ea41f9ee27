# Tekniska åtgärder och utvärdering (SEC): de svenska meddelandena. `id` är postens id,
# `subject` fyndets ämne; övriga värden är fyndets figurer (se docs/findings.md). Ett
# attribut med samma namn som ett värde säger var och en av dess delar; `position`
# (`first`, `last`, `other`) fogar en del till den före.

SEC001 = Ingen införd säkerhetsåtgärd som omfattar { $name } ({ $id }) ger { $missing }. { $levels_from ->
        [classification] Nivåerna { $levels } kommer från klassningen { $classification }.
        [supported] Nivåerna { $levels } ärvs från { $supported }, som den stöder.
        [both] Nivåerna { $levels } kommer dels från klassningen { $classification }, dels från { $supported }, som den stöder.
       *[none] Informationstillgången är inte klassad.
    }
    .missing = { $position ->
        [first] {""}
        [last] {" eller "}
       *[other] {", "}
    }{ $capability_sv } (krav { $requirements })
    .supported = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $name } ({ $asset })
    .help = Inför en säkerhetsåtgärd för varje förmåga som saknas, för hela organisationen eller bara för informationstillgången (ange den då under informationstillgångens measures). Ett baskrav som inte passar organisationen ersätts av en egen post av typen requirement med samma id.

SEC002 = { $title } ({ $id }) { $verification ->
        [late] verifierades senast { $last_verified }, för { $months_ago ->
            [one] { WORDS($months_ago) } månad
           *[other] { WORDS($months_ago) } månader
        } sedan.
        [never] infördes { $implemented }, för { $months_ago ->
            [one] { WORDS($months_ago) } månad
           *[other] { WORDS($months_ago) } månader
        } sedan, och har aldrig verifierats.
       *[undated] har aldrig verifierats och saknar datum för införandet.
    } Den ska verifieras med högst { $interval_months ->
        [one] { WORDS($interval_months) } månads
       *[other] { WORDS($interval_months) } månaders
    } mellanrum.
    .help = Kontrollera att säkerhetsåtgärden fungerar (genom test, granskning eller revision) och ange datumet under last_verified.

SEC003-pentest = Inget externt penetrationstest har gjorts { $max_age_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($max_age_months) } månaderna
    }. Det senaste, { $latest_title } ({ $latest }), är från { $latest_date }.
    .help = Beställ ett externt penetrationstest och för in det som en post av typen evaluation med performed_by satt till external.

SEC003-pentest-never = Inget externt penetrationstest har gjorts { $max_age_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($max_age_months) } månaderna
    }, och inget tidigare test finns registrerat.
    .help = Beställ ett externt penetrationstest och för in det som en post av typen evaluation med performed_by satt till external.

SEC003-scan = { $name } ({ $id }) är verksamhetskritisk{ $critical ->
        [through] {" "}genom { $through_name } ({ $through }), som den stöder,
       *[own] ,
    } men ingen sårbarhetsskanning { $max_age_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($max_age_months) } månaderna
    } omfattar den. Den senaste som omfattade den, { $latest_title } ({ $latest }), är från { $latest_date }.
    .help = Ta med { $id } under scope i en sårbarhetsskanning och för in skanningen som en post av typen evaluation.

SEC003-scan-never = { $name } ({ $id }) är verksamhetskritisk{ $critical ->
        [through] {" "}genom { $through_name } ({ $through }), som den stöder,
       *[own] ,
    } men ingen sårbarhetsskanning har någonsin omfattat den.
    .help = Ta med { $id } under scope i en sårbarhetsskanning och för in skanningen som en post av typen evaluation.

SEC004 = Fyndet { $title } ({ $subject }) i { $evaluation_title } ({ $id }) från { $date } har { $severity ->
        [critical] kritisk
       *[high] hög
    } allvarlighet och har varit öppet i { $age_days ->
        [one] { WORDS($age_days) } dag
       *[other] { WORDS($age_days) } dagar
    }. Fynd med { $severity ->
        [critical] kritisk
       *[high] hög
    } allvarlighet ska åtgärdas inom { $max_days ->
        [one] { WORDS($max_days) } dag
       *[other] { WORDS($max_days) } dagar
    }.
    .help = Åtgärda fyndet och ange status fixed med datumet under fixed, eller låt riskägaren formellt godta det (status accepted).

SEC004-untitled = Fyndet { $subject } i { $evaluation_title } ({ $id }) från { $date } har { $severity ->
        [critical] kritisk
       *[high] hög
    } allvarlighet och har varit öppet i { $age_days ->
        [one] { WORDS($age_days) } dag
       *[other] { WORDS($age_days) } dagar
    }. Fynd med { $severity ->
        [critical] kritisk
       *[high] hög
    } allvarlighet ska åtgärdas inom { $max_days ->
        [one] { WORDS($max_days) } dag
       *[other] { WORDS($max_days) } dagar
    }.
    .help = Åtgärda fyndet och ange status fixed med datumet under fixed, eller låt riskägaren formellt godta det (status accepted).

SEC005 = { $monitoring ->
        [unprovided] Ingen införd säkerhetsåtgärd ger övervakning.
        [unverified] Övervakning ges bara av { $monitoring_by }.
       *[verified] {""}
    }{ $monitoring ->
        [verified] {""}
       *[other] { $intrusion_detection ->
            [verified] {""}
           *[other] {" "}
        }
    }{ $intrusion_detection ->
        [unprovided] Ingen införd säkerhetsåtgärd ger intrångsdetektering.
        [unverified] Intrångsdetektering ges bara av { $intrusion_detection_by }.
       *[verified] {""}
    }
    .monitoring_by = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $title } ({ $measure }, { $verification ->
        [late] senast verifierad { $last_verified }, inte inom intervallet på { $interval_months ->
            [one] { WORDS($interval_months) } månad
           *[other] { WORDS($interval_months) } månader
        }
        [never] införd { $implemented } och aldrig verifierad
       *[undated] aldrig verifierad
    })
    .intrusion_detection_by = { SEC005.monitoring_by }
    .help = { $one_measure ->
        [yes] Kontrollera att { $title } ({ $id }) upptäcker intrång och larmar, genom ett larmtest eller en genomgång av dess rapporter, och ange datumet under last_verified.
       *[no] Inför övervakning och intrångsdetektering, kontrollera att de larmar och ange datumet under last_verified.
    }

SEC005-alike = { $monitoring ->
        [unprovided] Ingen införd säkerhetsåtgärd ger övervakning eller intrångsdetektering.
       *[unverified] Övervakning och intrångsdetektering ges bara av { $monitoring_by }.
    }
    .monitoring_by = { SEC005.monitoring_by }
    .intrusion_detection_by = { SEC005.monitoring_by }
    .help = { SEC005.help }
