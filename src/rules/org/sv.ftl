# Organisation (ORG): de svenska meddelandena. `id` är postens id, `subject` fyndets
# ämne; övriga värden är fyndets figurer (se docs/findings.md). Tal från ett till tolv
# skrivs med bokstäver.

ORG001 = { $name } ({ $id }) har inget säkerhetsombud.
    .help = Se till att { $name } utser ett säkerhetsombud och för in namnet under security_representative.

# Ämnet är den vakanta rollens fält.
ORG002 = Nyckelrollen som { $subject ->
        [information_security_coordinator] informationssäkerhetssamordnare
        [it_security_coordinator] IT-säkerhetssamordnare
        [security_chief] säkerhetschef
        [data_protection_officer] dataskyddsombud
       *[other] { $subject }
    } är vakant.
    .help = Utse { $subject ->
        [information_security_coordinator] en informationssäkerhetssamordnare
        [it_security_coordinator] en IT-säkerhetssamordnare
        [security_chief] en säkerhetschef
        [data_protection_officer] ett dataskyddsombud
       *[other] någon
    } och för in namnet under { $subject } i roles.{ $subject ->
        [data_protection_officer] { " " }En myndighet är skyldig att utse ett dataskyddsombud (artikel 37 i dataskyddsförordningen).
       *[other] {""}
    }
ORG002-no-organisation = Det finns ingen post för organisationen, så alla nyckelroller är vakanta: informationssäkerhetssamordnare, IT-säkerhetssamordnare, säkerhetschef och dataskyddsombud.
    .help = Skapa organisation.yaml med kind organisation och för in vilka som har rollerna under roles.

# Rådet har haft `meetings` möten mellan `window_start` och `window_end`; `threshold` per år förväntas.
ORG003 = Informationssäkerhetsrådet har sammanträtt { $meetings ->
        [one] en gång
       *[other] { WORDS($meetings) } gånger
    } under de senaste tolv månaderna ({ $window_start } – { $window_end }). { ORG003.expected }
    .expected = Rådet bör sammanträda minst { ORG003.times } per år.
    .times = { $threshold ->
        [one] en gång
       *[other] { WORDS($threshold) } gånger
    }
    .help = Se till att informationssäkerhetsrådet sammanträder minst { ORG003.times } per år, och för in mötesdatumen i listan meetings under council i posten för organisationen.
ORG003-lapsed = Informationssäkerhetsrådet har inte sammanträtt under de senaste tolv månaderna ({ $window_start } – { $window_end }). Det senaste mötet hölls { $last_meeting }. { ORG003.expected }
    .help = { ORG003.help }
ORG003-never = Inga möten i informationssäkerhetsrådet finns registrerade. { ORG003.expected }
    .help = { ORG003.help }
ORG003-no-organisation = Det finns ingen post för organisationen, så inga möten i informationssäkerhetsrådet finns registrerade. { ORG003.expected }
    .help = { ORG003.help }

# `missing`: owner, administrator eller owner_and_administrator; `critical`: no, own, eller
# inherited (indirectly) från informationstillgången `critical_via`, som den stöder.
ORG004 = Den aktiva informationstillgången { $name } ({ $id }) saknar { $missing ->
        [owner] systemägare
        [administrator] systemförvaltare
       *[owner_and_administrator] både systemägare och systemförvaltare
    }.{ $critical ->
        [own] { " " }Den är verksamhetskritisk.
        [inherited] { " " }Den räknas som verksamhetskritisk eftersom den stöder { $critical_via_name } ({ $critical_via }).
        [inherited_indirectly] { " " }Den räknas som verksamhetskritisk eftersom den indirekt stöder { $critical_via_name } ({ $critical_via }).
       *[no] {""}
    }
    .help = Ange { $missing ->
        [owner] systemägaren för { $name } under owner
        [administrator] systemförvaltaren för { $name } under administrator
       *[owner_and_administrator] systemägaren för { $name } under owner och systemförvaltaren under administrator
    }.
