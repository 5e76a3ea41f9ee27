# Uppföljning (FUP): de svenska meddelandena. `id` är postens id, `subject` fyndets ämne;
# övriga värden är fyndets figurer (se docs/findings.md).

FUP001 = Den senaste ledningens genomgång, ”{ $title }” ({ $id }), hölls { $date }, för { $age_months ->
        [one] { WORDS($age_months) } månad
       *[other] { WORDS($age_months) } månader
    } sedan. Kommunstyrelsen ska ha fått en ledningens genomgång under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    }.
    .help = Redovisa ledningens genomgång för kommunstyrelsen och för in den med type satt till management_review och presented_to satt till executive_board.

FUP001-elsewhere = Genomgången ”{ $title }” ({ $id }) från { $date } redovisades för { $presented_to ->
        [municipal_council] kommunfullmäktige
        [executive_board] kommunstyrelsen
        [committee] en nämnd
        [official] en tjänsteperson
       *[other] { $presented_to }
    } och inte för kommunstyrelsen. Kommunstyrelsen ska ha fått en ledningens genomgång under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    }.
    .help = Redovisa ledningens genomgång för kommunstyrelsen och för in den med type satt till management_review och presented_to satt till executive_board.

FUP001-unpresented = Genomgången ”{ $title }” ({ $id }) från { $date } anger inte vem den redovisades för. Kommunstyrelsen ska ha fått en ledningens genomgång under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    }.
    .help = Redovisa ledningens genomgång för kommunstyrelsen och för in den med type satt till management_review och presented_to satt till executive_board.

FUP001-none = Ingen ledningens genomgång är registrerad. Kommunstyrelsen ska ha fått en ledningens genomgång under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    }.
    .help = Redovisa ledningens genomgång för kommunstyrelsen och för in den med type satt till management_review och presented_to satt till executive_board.

FUP002 = Den senaste granskningen av ledningssystemet för informationssäkerhet är { $audit_type ->
        [internal_audit] internrevisionen
       *[external_audit] revisorernas granskning
    } ”{ $title }” ({ $id }) från { $date }, för { $age_months ->
        [one] { WORDS($age_months) } månad
       *[other] { WORDS($age_months) } månader
    } sedan. Ledningssystemet bör ha granskats under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    }.
    .help = Genomför en internrevision eller låt revisorerna granska ledningssystemet, och för in granskningen som en review med type internal_audit eller external_audit.

FUP002-none = Det finns ingen internrevision av ledningssystemet för informationssäkerhet registrerad, och revisorerna har inte heller granskat det. Ledningssystemet bör ha granskats under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    }.
    .help = Genomför en internrevision eller låt revisorerna granska ledningssystemet, och för in granskningen som en review med type internal_audit eller external_audit.

FUP003 = { $name } ({ $id }) har inte haft någon självskattning, Infosäkkollen eller ledningens genomgång under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    }. Den senaste uppföljningen var { $last_follow_up }.
    .help = Låt { $name } göra en självskattning och för in den som en review med { $id } under units.

FUP003-never = { $name } ({ $id }) har inte haft någon självskattning, Infosäkkollen eller ledningens genomgång under { $threshold_months ->
        [one] den senaste månaden
       *[other] de senaste { WORDS($threshold_months) } månaderna
    } och har aldrig följts upp.
    .help = Låt { $name } göra en självskattning och för in den som en review med { $id } under units.

FUP004 = Revisorernas rekommendation ”{ $title }” ({ $id }) hade slutdatum { $due } och är { $days_overdue ->
        [one] { WORDS($days_overdue) } dag
       *[other] { WORDS($days_overdue) } dagar
    } försenad. { $status ->
        [in_progress] Arbetet med den pågår fortfarande.
       *[open] Den är fortfarande öppen.
    }
    .help = Slutför åtgärden och ange done under status, eller kom överens med revisorerna om ett nytt slutdatum och för in det under due.

FUP004-unaddressed = Revisorernas rekommendation ”{ $title }” ({ $id }) är öppen, och ingen aktivitet i handlingsplanen tar hand om den.
    .help = Planera åtgärden som en aktivitet i handlingsplanen och ange { $id } under addresses i aktiviteten.
