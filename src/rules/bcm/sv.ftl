# Kontinuitet (BCM): de svenska meddelandena. `id` är postens id, `subject` fyndets ämne;
# övriga värden är fyndets figurer (se docs/findings.md). Ett attribut med samma namn som
# ett värde säger var och en av dess delar; `position` (`first`, `last`, `other`) fogar
# en del till den före.

BCM001 = { $name } ({ $id }) är verksamhetskritisk{ $critical ->
        [through] {" "}genom { $through_name } ({ $through }), som den stöder,
       *[own] {""}
    } men ingår inte i någon kontinuitetsplan.
    .help = Skriv en kontinuitetsplan med reservrutiner för verksamheten och ange { $id } under planens assets.

BCM001-availability = { $name } ({ $id }) { $levels_from ->
        [supported] stöder { $supported } och ärver därifrån tillgänglighetsnivå { $level }
       *[classification] har tillgänglighetsnivå { $level } enligt klassningen { $classification }
    } men ingår inte i någon kontinuitetsplan.
    .supported = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $name } ({ $asset })
    .help = Skriv en kontinuitetsplan med reservrutiner för verksamheten och ange { $id } under planens assets.

BCM002 = { $title } ({ $id }) övades senast { $last_exercised }, för { $months_ago ->
        [one] { WORDS($months_ago) } månad
       *[other] { WORDS($months_ago) } månader
    } sedan. En kontinuitetsplan ska övas med högst { $max_age_months ->
        [one] { WORDS($max_age_months) } månads
       *[other] { WORDS($max_age_months) } månaders
    } mellanrum.
    .help = Öva planen, för in övningen under exercises och revidera planen efter övningen.

BCM002-never = { $title } ({ $id }) har aldrig övats. En kontinuitetsplan ska övas med högst { $max_age_months ->
        [one] { WORDS($max_age_months) } månads
       *[other] { WORDS($max_age_months) } månaders
    } mellanrum.
    .help = Öva planen, för in övningen under exercises och revidera planen efter övningen.

BCM003 = { $name } ({ $id }) är verksamhetskritisk{ $critical ->
        [through] {" "}genom { $through_name } ({ $through }), som den stöder,
       *[own] {""}
    } men dess kontinuitetsplan { $plans } har aldrig övats med ett återläsningstest.
    .plans = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $title } ({ $plan })
    .help = Läs tillbaka { $id } från säkerhetskopia i ett test och för in testet under planens exercises som en övning med type restore_test.

BCM003-plans = { $name } ({ $id }) är verksamhetskritisk{ $critical ->
        [through] {" "}genom { $through_name } ({ $through }), som den stöder,
       *[own] {""}
    } men ingen av dess kontinuitetsplaner, { $plans }, har övats med ett återläsningstest.
    .plans = { BCM003.plans }
    .help = Läs tillbaka { $id } från säkerhetskopia i ett test och för in testet under exercises i en av planerna som en övning med type restore_test.
