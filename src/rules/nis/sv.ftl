# Cybersäkerhetslagen (NIS): meddelanden på svenska, hela meningar.

## NIS001

NIS001 = { $name } omfattas av cybersäkerhetslagen men har ingen registrering hos tillsynsmyndigheten, { $days_overdue ->
        [one] { $days_overdue } dag
       *[other] { $days_overdue } dagar
    } efter sista dagen { $deadline }.{ $uncertain ->
        [yes] { " " }Datumet är osäkert i isms uppgifter; ange [cybersecurity] registration_deadline i isms.toml om ett annat datum gäller.
       *[no] { "" }
    }
    .help = Registrera kommunen hos tillsynsmyndigheten och ange datumet under cybersecurity_act.registered.

## NIS002

NIS002 = Ledningsorganet har inte fått någon utbildning de senaste { $window_months ->
        [one] { $window_months } månaden
       *[other] { WORDS($window_months) } månaderna
    } (en utbildning för management_body eller elected_officials).
    .help = Genomför en utbildning för ledningsorganet om lagens krav och kommunens risker, och för in den med audience: [management_body].

NIS002-old = Ledningsorganets senaste utbildning, { $title } ({ $id }), började { $start }, för mer än { $window_months ->
        [one] { $window_months } månad
       *[other] { WORDS($window_months) } månader
    } sedan.
    .help = Genomför en ny utbildning för ledningsorganet och för in den med audience: [management_body].

## NIS003

NIS003 = { $status ->
        [planned] Riskhanteringsåtgärden nis2-art21:{ $control } ({ $label }) är bara planerad: { $measures }.
       *[missing] Ingenting genomför riskhanteringsåtgärden nis2-art21:{ $control } ({ $label }).
    }
    .help = { $status ->
        [planned] Genomför de planerade säkerhetsåtgärderna och för in dem som genomförda.
       *[missing] Inför åtgärden och för in den med controls: [nis2-art21:{ $control }], eller för in det underlag som redan finns.
    }

## NIS004

NIS004 = Ledningsorganet har inte godkänt riskhanteringsåtgärderna: inget uttalande om tillämplighet för nis2-art21 har godkänts av kommunstyrelsen eller fullmäktige de senaste { WORDS($window_months) } månaderna, och ingen antagen informationssäkerhetspolicy har nis2 bland sina ämnen.
    .help = Lägg till ett uttalande om tillämplighet för nis2-art21 och låt kommunstyrelsen godkänna det.

NIS004-unapproved = Uttalandet om tillämplighet { $id } för nis2-art21 är inte godkänt, och ingen antagen informationssäkerhetspolicy har nis2 bland sina ämnen. Ledningsorganet har alltså inte godkänt riskhanteringsåtgärderna.
    .help = Låt kommunstyrelsen godkänna uttalandet, och ange approved, approved_by och decision_ref.

NIS004-old = Uttalandet om tillämplighet { $id } för nis2-art21 godkändes { $approved }, för mer än { WORDS($window_months) } månader sedan. Ledningsorganet har inte godkänt riskhanteringsåtgärderna sedan dess.
    .help = Låt kommunstyrelsen godkänna uttalandet på nytt.

NIS004-body = Uttalandet om tillämplighet { $id } för nis2-art21 godkändes { $approved } { $approved_by ->
        [committee] av en nämnd
        [official] av en tjänsteperson
       *[none] utan att det framgår av vem
    }, inte av ledningsorganet (kommunstyrelsen eller fullmäktige).
    .help = Låt kommunstyrelsen godkänna uttalandet: approved_by: executive_board.
