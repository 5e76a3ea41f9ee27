# isms due på svenska: varje slutdatum i ord (dess summary i tabellen, i JSON och som
# kalenderhändelsens SUMMARY), tabellen och kalenderns beskrivningar. Poster nämns vid
# namn eller titel; id:t står i tabellens kolumn Post och i kalenderns beskrivning.

## Styrdokumentets typ i bestämd form, som revideringsmeddelandena nämner den ($type_name).
due-policy-type = { $type ->
        [security_policy] säkerhetspolicyn
        [information_security_policy] informationssäkerhetspolicyn
        [guideline] riktlinjen
        [routine] rutinen
        [position] ställningstagandet
        [plan] handlingsplanen
       *[other] styrdokumentet
    }
## DOC001: revidering enligt dokumentets eget intervall, revidering vid den ålder då
## varningen börjar, högsta tillåtna ålder.
due-review-interval = Revidera { $type_name } { $title } (revideringsintervall { $years } år)
due-review-age = Revidera { $type_name } { $title }, som då har gällt i { $years } år
due-max-age = Högsta tillåtna ålder ({ $years } år) nås för { $type_name } { $title }
## CLS002: förnyad klassning av en informationstillgång.
due-classification = Förnya klassningen av informationstillgången { $asset }, klassad { $classified } ({ $classification })
## BCM002: kontinuitetsplanens nästa övning.
due-exercise = Öva kontinuitetsplanen { $title } (senast övad { $last_exercised })
due-exercise-never = Öva kontinuitetsplanen { $title } (dokumenterad { $documented }, aldrig övad)
## SEC002: säkerhetsåtgärdens nästa verifiering.
due-verification = Verifiera säkerhetsåtgärden { $title } (senast verifierad { $last_verified })
due-verification-never = Verifiera säkerhetsåtgärden { $title } (införd { $implemented }, aldrig verifierad)
## En öppen aktivitets slutdatum och dess status.
due-activity = Slutdatum för aktiviteten { $title } ({ $status ->
        [planned] planerad
        [in_progress] pågår
        [done] klar
        [postponed] uppskjuten
        [cancelled] avbruten
       *[other] { $status }
    })
due-activity-done-later = Slutdatum för aktiviteten { $title } (klar först { $completed })
## Slutdatum för en revisionsrekommendation som inte är åtgärdad.
due-audit-finding = Slutdatum för revisionsrekommendationen { $title }
## Sista dagen för ett undantag.
due-waiver = Undantaget från regel { $rule } upphör att gälla ({ $reason })
## IMY:s tidsgräns för en personuppgiftsincident: datum och lokal tid.
due-breach = Anmäl personuppgiftsincidenten { $title } till IMY senast { $deadline } kl. { $time } ({ $hours } timmar efter upptäckten)

## Tabellen: rubriker, markeringen av ett slutdatum före rapportdagen, kolumnen Post och
## raden under tabellen.
due-header-date = Slutdatum
due-header-state = Läge
due-header-what = Vad
due-header-record = Post
due-header-path = Fil
due-overdue = försenad
due-record = { $kind_name } { $id }
due-total = Till och med { $until }: { $count } slutdatum, varav { $overdue } { $overdue ->
        [one] försenat
       *[other] försenade
    } per { $as_of }

## Kalenderhändelsens DESCRIPTION: posten och dess fil.
due-ics-description = { $kind_name } { $id } i { $path }
## SUP002: en verksamhetskritisk leverantörs nästa säkerhetsbedömning.
due-supplier-assessment = Bedöm leverantören { $name } på nytt (senast bedömd { $assessed })
## Ett leverantörsavtal löper ut; SUP005 kräver en exitplan av en verksamhetskritisk leverantör.
due-contract-end = Avtalet med leverantören { $name } löper ut{ $critical ->
        [yes] { $exit_plan ->
            [yes] { "" }
           *[no] { " " }(verksamhetskritisk leverantör utan exitplan)
        }
       *[no] { "" }
    }
## FRM002: ett undantag i uttalandet om tillämplighet ska omprövas.
due-exclusion-review = Ompröva undantaget för { $control } i { $framework } ({ $reason })
