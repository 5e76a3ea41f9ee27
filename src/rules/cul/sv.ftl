# Säkerhetskultur (CUL): de svenska meddelandena. `id` är postens id, `subject` fyndets
# ämne; övriga värden är fyndets figurer (se docs/findings.md). `unit` och
# `highest_unit` är en enhet, som visas med namn och id: "Socialnämnden (socialnamnden)".

CUL001 = Hos { $unit } har { $completion } av målgruppen ({ $completed } av { $targeted }) genomfört utbildningen, vilket är under målet på { $target }. { CUL001.window }
    .window = Siffran gäller { WORDS($campaigns) } { $campaigns ->
        [one] utbildningsinsats
       *[other] utbildningsinsatser
    } { $window_months ->
        [one] under den senaste månaden
       *[other] under de senaste { WORDS($window_months) } månaderna
    }.
    .help = Följ upp med ledningen för { $unit }, och för in de nya siffrorna för genomförd utbildning under results.

CUL001-organisation = I hela organisationen har { $completion } av målgruppen ({ $completed } av { $targeted }) genomfört utbildningen, vilket är under målet på { $target }. { CUL001.window }
    .help = Följ upp med de enheter som ligger under målet, och för in resultaten för varje utbildningsinsats per enhet.

# Inget att räkna i hela organisationen: `campaigns` är antalet utbildningsinsatser i perioden
# (ingen av dem har redovisade resultat); genomförandegraden räknas som `completion`, 0 %.
CUL001-none = { $campaigns ->
        [0] Ingen utbildningsinsats har genomförts { $window_months ->
            [one] den senaste månaden
           *[other] de senaste { WORDS($window_months) } månaderna
        }
        [one] Den enda utbildningsinsatsen { $window_months ->
            [one] den senaste månaden
           *[other] de senaste { WORDS($window_months) } månaderna
        } har inga redovisade resultat
       *[other] Ingen av de { WORDS($campaigns) } utbildningsinsatserna { $window_months ->
            [one] den senaste månaden
           *[other] de senaste { WORDS($window_months) } månaderna
        } har redovisade resultat
    }, så genomförandegraden i hela organisationen räknas som { $completion }, vilket är under målet på { $target }.
    .help = { $campaigns ->
        [0] Utbilda medarbetarna och för in utbildningsinsatsen som en post med resultat per enhet.
       *[other] För in resultaten för varje utbildningsinsats per enhet (målgrupp och antal som genomfört) när de kommer in.
    }

CUL002 = { $title } ({ $id }), som startade { $start }, hade en klickfrekvens på { $click_rate } ({ $clicked } av { $targeted } i målgruppen klickade), vilket är över gränsen på { $maximum }.{ $result_rows ->
        [1] {""}
       *[other] {" "}Högst klickfrekvens hade { $highest_unit } med { $highest_rate }.
    }
    .help = Ge riktad utbildning till de enheter som klickade mest, och gör om simuleringen inom { WORDS($window_months) } { $window_months ->
        [one] månad
       *[other] månader
    }.

CUL003 = { $name } ({ $id }) har inte nåtts av någon utbildningsinsats eller nätfiskesimulering { $window_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($window_months) } månaderna
    }.
    .help = Ta med enheten i nästa utbildningsinsats och för in dess siffror under results.
