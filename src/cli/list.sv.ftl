# isms list på svenska: tabellens rubriker, dess ord och raden under den. Kolumnerna heter
# som nycklarna i JSON ($column), och fält med fasta värden visas med ord i stället för
# postens kod.

## Kolumnens rubrik.
list-column = { $column ->
        [id] Id
        [name] Namn
        [title] Titel
        [type] Typ
        [parent] Överordnad
        [status] Status
        [adopted] Antagen
        [age] Ålder
        [unit] Enhet
        [critical] Verksamhetskritisk
        [C] K
        [I] R
        [A] T
        [T] S
        [asset] Informationstillgång
        [date] Datum
        [confidentiality] Konfidentialitet
        [integrity] Riktighet
        [availability] Tillgänglighet
        [likelihood] Sannolikhet
        [consequence] Konsekvens
        [scope] Omfattning
        [last_verified] Senast verifierad
        [severity] Allvarlighetsgrad
        [detected] Upptäckt
        [year] År
        [decided] Beslutad
        [plan] Handlingsplan
        [due] Slutdatum
        [start] Start
        [documented] Dokumenterad
        [source] { $kind ->
            [framework] Källa
           *[other] Granskning
        }
        [processor] Personuppgiftsbiträde
        [assessed] Bedömd
        [framework] Ramverk
        [approved] Godkänd
        [approved_by] Godkänd av
        [findings] Brister
       *[other] { $column }
    }
## Ett fält som är sant (falskt visas inte).
list-yes = ja
## Ett styrdokuments ålder i hela år.
list-age = { $years } år
## Raden under tabellen: Per 2026-11-28: 16 informationstillgångar, varav 10 med brister.
list-total = Per { $as_of }: { $count } { $count ->
        [one] { $singular }
       *[other] { $plural }
    }, varav { $with_findings } med brister

## Fält med fasta värden, per posttyp (list-POSTTYP-FÄLT).
list-unit-type = { $value ->
        [board] styrelse
        [committee] nämnd
        [company] bolag
        [federation] kommunalförbund
        [department] förvaltning
       *[other] { $value }
    }
list-policy-type = { $value ->
        [security_policy] säkerhetspolicy
        [information_security_policy] informationssäkerhetspolicy
        [guideline] riktlinje
        [routine] rutin
        [position] ställningstagande
        [plan] handlingsplan
        [other] övrigt styrdokument
       *[unknown] { $value }
    }
list-policy-status = { $value ->
        [draft] utkast
        [adopted] antagen
        [repealed] upphävd
       *[other] { $value }
    }
list-risk-status = { $value ->
        [open] öppen
        [treated] behandlad
        [accepted] accepterad
        [closed] avslutad
       *[other] { $value }
    }
list-measure-status = { $value ->
        [planned] planerad
        [implemented] införd
        [retired] avvecklad
       *[other] { $value }
    }
list-measure-scope = { $value ->
        [organisation] hela organisationen
        [assets] vissa informationstillgångar
       *[other] { $value }
    }
## En NIS-incident är en betydande incident enligt cybersäkerhetslagen om den upptäcktes
## från 2026-01-15 ($regime: den rapporteringsordning som gällde då).
list-incident-type = { $value ->
        [it] IT-incident
        [personal_data] personuppgiftsincident
        [nis] { $regime ->
            [cybersecurity-2026] betydande incident
           *[other] NIS-incident
        }
        [lost_equipment] förlorad utrustning
        [other] övrig incident
       *[unknown] { $value }
    }
list-incident-severity = { $value ->
        [low] låg
        [medium] medel
        [high] hög
        [critical] kritisk
       *[other] { $value }
    }
list-incident-status = { $value ->
        [open] öppen
        [contained] begränsad
        [closed] avslutad
       *[other] { $value }
    }
list-activity-status = { $value ->
        [planned] planerad
        [in_progress] pågår
        [done] klar
        [postponed] uppskjuten
        [cancelled] avbruten
       *[other] { $value }
    }
list-training-type = { $value ->
        [course] kurs
        [nano_learning] mikroutbildning
        [briefing] informationstillfälle
        [phishing_simulation] nätfiskesimulering
       *[other] { $value }
    }
list-evaluation-type = { $value ->
        [penetration_test] penetrationstest
        [vulnerability_scan] sårbarhetsskanning
        [configuration_review] konfigurationsgranskning
        [red_team] red team-övning
        [other] övrig utvärdering
       *[unknown] { $value }
    }
list-review-type = { $value ->
        [management_review] ledningens genomgång
        [self_assessment] självskattning
        [internal_audit] internrevision
        [external_audit] revisorernas granskning
        [infosakkollen] Infosäkkollen
       *[other] { $value }
    }
list-finding-status = { $value ->
        [open] öppen
        [in_progress] pågår
        [done] åtgärdad
        [rejected] avvisad
       *[other] { $value }
    }
list-supplier-status = { $value ->
        [active] aktiv
        [ended] avslutad
       *[other] { $value }
    }
list-statement_of_applicability-approved_by = { $value ->
        [municipal_council] kommunfullmäktige
        [executive_board] kommunstyrelsen
        [committee] nämnd
        [official] tjänsteperson
       *[other] { $value }
    }
