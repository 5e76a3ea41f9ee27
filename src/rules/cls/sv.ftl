# Riskanalys och informationsklassning (CLS): de svenska meddelandena. `id` är postens id,
# `subject` fyndets ämne; övriga värden är fyndets figurer (se docs/findings.md).

# Skälen räknas upp "a, b och c" i en fast ordning (verksamhetskritisk, känsliga
# personuppgifter, sekretess, samhällsviktig verksamhet): skiljetecknet före varje led
# följer av antalet skäl och av vilka skäl som kommer efter. Ett ensamt ärvt skäl slutar
# med en bisats ("…, som den stöder,") och får därför ett kommatecken före "men".
CLS001 = { $name } ({ $id }) { $critical ->
        [own] är verksamhetskritisk
        [inherited] är verksamhetskritisk genom { $via_name } ({ $via }), som den stöder
       *[no] {""}
    }{ $sensitive_personal_data ->
        [yes] { $critical ->
                [no] {""}
               *[other] { $grounds ->
                        [2] {" och "}
                       *[other] {", "}
                    }
            }innehåller känsliga personuppgifter
       *[no] {""}
    }{ $secrecy ->
        [yes] { $essential_service ->
                [yes] { $grounds ->
                        [2] {""}
                       *[other] {", "}
                    }
               *[no] { $grounds ->
                        [1] {""}
                       *[other] {" och "}
                    }
            }omfattas av sekretess
       *[no] {""}
    }{ $essential_service ->
        [yes] { $grounds ->
                [1] {""}
               *[other] {" och "}
            }stöder den samhällsviktiga verksamheten { $service_sv }
       *[no] {""}
    }{ $grounds ->
        [1] { $critical ->
                [inherited] {","}
               *[other] {""}
            }
       *[other] {","}
    } men saknar klassning.
    .help = Klassa informationstillgången tillsammans med systemägaren och registrera en klassning där asset är { $id }.

CLS002 = Klassningen { $id } av { $asset_name } ({ $asset }) är från { $date } och är { $age_months ->
        [one] { WORDS($age_months) } månad
       *[other] { WORDS($age_months) } månader
    } gammal. Klassningar ska ses över inom { $max_months ->
        [one] { WORDS($max_months) } månad
       *[other] { WORDS($max_months) } månader
    }.
    .help = Se över klassningen tillsammans med systemägaren för { $asset_name } och registrera resultatet som en ny klassning.

CLS003 = { $name } ({ $id }) är verksamhetskritisk{ $critical ->
        [inherited] {" "}genom { $via_name } ({ $via }), som den stöder,
       *[own] {""}
    } men saknar riskanalys från { $months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($months) } månaderna
    }. Den senast bedömda risken, { $latest_title } ({ $latest }), bedömdes { $assessed }.
    .help = Analysera riskerna för { $name } tillsammans med systemägaren och registrera dem som risker där asset är { $id }.

CLS003-never = { $name } ({ $id }) är verksamhetskritisk{ $critical ->
        [inherited] {" "}genom { $via_name } ({ $via }), som den stöder,
       *[own] {""}
    } men saknar riskanalys från { $months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($months) } månaderna
    }. Ingen riskanalys av den finns registrerad.
    .help = Analysera riskerna för { $name } tillsammans med systemägaren och registrera dem som risker där asset är { $id }.

CLS004 = Risken { $title } ({ $id }) har riskvärdet { $value } (sannolikhet { $likelihood } × konsekvens { $consequence }), över riskaptiten { $appetite }. Ingen riskbehandling är beslutad.
    .help = Besluta tillsammans med riskägaren om risken ska reduceras, överföras, undvikas eller accepteras, och ange det under treatment.

CLS004-no-activity = Risken { $title } ({ $id }) har riskvärdet { $value } (sannolikhet { $likelihood } × konsekvens { $consequence }), över riskaptiten { $appetite }. Risken ska reduceras, men ingen aktivitet genomför riskbehandlingen.
    .help = För in de aktiviteter som ska reducera risken i handlingsplanen och ange dem under activities.

CLS005 = { $name } ({ $id }) saknar klassning.
    .help = Klassa informationstillgången tillsammans med systemägaren och registrera en klassning där asset är { $id }.
