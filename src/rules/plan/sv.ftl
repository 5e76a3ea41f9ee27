# Mål och handlingsplan (PLAN): de svenska meddelandena. `id` är postens id, `subject`
# fyndets ämne; övriga värden är fyndets figurer (se docs/findings.md). Tal från ett
# till tolv skrivs med bokstäver.

PLAN001 = Handlingsplanen för { $year } ({ $id }) är inte beslutad.
    .help = Låt kommunstyrelsen besluta om handlingsplanen för { $year }, och ange beslutsdatum, beslutande organ och diarienummer under decided, decided_by och decision_ref.
PLAN001-late = Handlingsplanen för { $year } ({ $id }) har beslutsdatum { $decided }, senare än { $as_of }. Året har alltså ännu ingen beslutad handlingsplan.
    .help = { PLAN001.help }
# Ingen handlingsplan för året: fyndet gäller ingen enskild post.
PLAN001-missing = Det finns ingen handlingsplan för { $year }.
    .help = Ta fram en handlingsplan för { $year } som en post med kind plan och year { $year }, låt kommunstyrelsen besluta om den och ange beslutsdatumet under decided.
PLAN001-missing-earlier = { PLAN001-missing } Den senaste är handlingsplanen för { $latest_year } ({ $latest }).
    .help = { PLAN001-missing.help }

# `status` är aktivitetens status; `completed` finns när den blev klar först efter körningens datum (as-of).
PLAN002 = Aktiviteten ”{ $title }” ({ $id }) i { $plan } hade slutdatum { $due } och är { $days_overdue ->
        [one] { WORDS($days_overdue) } dag
       *[other] { WORDS($days_overdue) } dagar
    } försenad. { $status ->
        [planned] Den är fortfarande planerad.
        [done] Den blev klar först { $completed }.
       *[in_progress] Den pågår fortfarande.
    }
    .help = Slutför aktiviteten (sätt status till done och ange datumet under completed), eller besluta att skjuta upp den och föra över den till nästa handlingsplan, eller att avbryta den. En aktivitet som är försenad mer än { $error_after_days ->
        [one] { WORDS($error_after_days) } dag
       *[other] { WORDS($error_after_days) } dagar
    } räknas som en brist.

PLAN003 = Aktiviteten ”{ $title }” ({ $id }) i { $plan } har överförts från { $carried_over ->
        [one] en tidigare handlingsplan
       *[other] { WORDS($carried_over) } tidigare handlingsplaner
    } ({ $earlier_plans }) och { $status ->
        [planned] är fortfarande planerad
        [postponed] är uppskjuten igen
       *[in_progress] pågår fortfarande
    }.
    .help = Ta reda på varför aktiviteten inte kommer framåt och besluta: ge den en ansvarig och resurser, dela upp den i steg som ryms inom ett år, eller avbryt den.

# Posten är handlingsplanen; ämnet är goal och målets id.
PLAN004 = Målet ”{ $goal_title }” ({ $goal }) i handlingsplanen för { $year } ({ $id }) har ingen aktivitet.{ PLAN004.only-dropped }
    .only-dropped = { $only_cancelled_or_postponed ->
        [yes] { " " }De enda aktiviteterna för målet är avbrutna eller uppskjutna.
       *[no] {""}
    }
    .help = Lägg till en aktivitet med plan { $id } och goal { $goal }, eller stryk målet ur handlingsplanen.
# Ett mål utan titel nämns vid sitt id.
PLAN004-untitled = Målet { $goal } i handlingsplanen för { $year } ({ $id }) har ingen aktivitet.{ PLAN004.only-dropped }
    .help = { PLAN004.help }
