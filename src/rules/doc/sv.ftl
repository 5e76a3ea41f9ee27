# Styrdokument (DOC): de svenska meddelandena. `id` är postens id, `subject` fyndets
# ämne; övriga värden är fyndets figurer (se docs/findings.md). `doc_type`, `adopted_by`
# och `min_body` är registrets koder; `required_scope` säger vilka instanser som får anta
# en typ: `only` dess `min_body`, `or_higher` (den eller en högre) eller `any` (vilken som helst).

DOC001 = { $title } ({ $id }) antogs { $adopted }, för { WORDS($age_years, neuter: "yes") } år sedan. Styrdokument bör ses över senast { WORDS($limit_years, neuter: "yes") } år efter att de antagits.
    .help = Se över dokumentet och låt det antas på nytt. Ange sedan det nya datumet under adopted och beslutet under decision_ref.

DOC001-interval = { $title } ({ $id }) antogs { $adopted }, för { WORDS($age_years, neuter: "yes") } år sedan. Enligt sitt eget intervall ska dokumentet ses över senast { WORDS($limit_years, neuter: "yes") } år efter att det antagits.
    .help = Se över dokumentet och låt det antas på nytt. Ange sedan det nya datumet under adopted och beslutet under decision_ref.

DOC001-undated = { $title } ({ $id }) saknar datum för antagandet, så dokumentets ålder kan inte bedömas.
    .help = Ange beslutsdatumet under adopted i formen ÅÅÅÅ-MM-DD (se beslutet som decision_ref hänvisar till).

DOC002 = Det finns { $doc_type ->
        [security_policy] ingen antagen säkerhetspolicy
        [information_security_policy] ingen antagen informationssäkerhetspolicy
        [guideline] inga antagna riktlinjer
        [routine] ingen antagen rutin
        [position] inget antaget ställningstagande
        [plan] ingen antagen plan
       *[other] inget antaget styrdokument av typen övrigt
    }. Den typen av styrdokument är obligatorisk.{ $draft_count ->
        [0] {""}
        [one] {" "}Utkastet { $drafts } väntar på att antas.
       *[other] {" "}Utkasten { $drafts } väntar på att antas.
    }{ $repealed_count ->
        [0] {""}
        [one] {" "}Styrdokumentet { $repealed } har upphävts.
       *[other] {" "}Styrdokumenten { $repealed } har upphävts.
    }
    .help = Se till att { $doc_type ->
        [security_policy] en säkerhetspolicy
        [information_security_policy] en informationssäkerhetspolicy
        [guideline] riktlinjer
        [routine] en rutin
        [position] ett ställningstagande
        [plan] en plan
       *[other] ett styrdokument av typen övrigt
    } antas av { $required_scope ->
        [any] vilken instans som helst
        [only] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        }
       *[or_higher] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        } eller en högre instans
    }, och för in dokumentet med status adopted, beslutsdatumet under adopted och beslutet under decision_ref.

DOC002-unknown = Den obligatoriska dokumenttypen { $required_type } finns inte, så inget styrdokument kan uppfylla kravet.
    .help = Rätta typen under [policies] required_types i isms.toml. Kända typer är { $known }.{ $suggested ->
        [yes] {" "}Troligen avses { $suggestion }.
       *[no] {""}
    }

DOC003 = { $title } ({ $id }) antogs{ $dated ->
        [yes] {" "}{ $adopted }
       *[no] {""}
    } av { $adopted_by ->
        [municipal_council] kommunfullmäktige
        [executive_board] kommunstyrelsen
        [committee] en nämnd
        [official] en tjänsteperson
       *[other] { $adopted_by }
    }, men { $doc_type ->
        [security_policy] en säkerhetspolicy
        [information_security_policy] en informationssäkerhetspolicy
        [guideline] en riktlinje
        [routine] en rutin
        [position] ett ställningstagande
        [plan] en plan
       *[other] ett styrdokument av typen övrigt
    } ska antas av { $required_scope ->
        [any] vilken instans som helst
        [only] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        }
       *[or_higher] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        } eller en högre instans
    }.
    .help = Låt { $required_scope ->
        [any] vilken instans som helst
        [only] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        }
       *[or_higher] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        } eller en högre instans
    } anta dokumentet, och uppdatera adopted, adopted_by och decision_ref.

DOC003-unrecorded = { $title } ({ $id }) saknar uppgift om vilken instans som antog dokumentet. { $doc_type ->
        [security_policy] En säkerhetspolicy
        [information_security_policy] En informationssäkerhetspolicy
        [guideline] En riktlinje
        [routine] En rutin
        [position] Ett ställningstagande
        [plan] En plan
       *[other] Ett styrdokument av typen övrigt
    } ska antas av { $required_scope ->
        [any] vilken instans som helst
        [only] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        }
       *[or_higher] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        } eller en högre instans
    }.
    .help = Ange instansen under adopted_by och beslutet under decision_ref. Om en lägre instans antog dokumentet, låt { $required_scope ->
        [any] vilken instans som helst
        [only] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        }
       *[or_higher] { $min_body ->
            [municipal_council] kommunfullmäktige
            [executive_board] kommunstyrelsen
            [committee] en nämnd
            [official] en tjänsteperson
           *[other] { $min_body }
        } eller en högre instans
    } anta det på nytt.

DOC004 = Utkastet { $title } ({ $id }) { $counted_from ->
        [drafted] skrevs { $since } och är { WORDS($age_months) } { $age_months ->
        [one] månad
       *[other] månader
    } gammalt.
       *[adopted] är { WORDS($age_months) } { $age_months ->
        [one] månad
       *[other] månader
    } gammalt, räknat från { $since } då den version det reviderar antogs (datum för utkastet saknas).
    } Utkast bör antas eller avskrivas inom { WORDS($limit_months) } { $limit_months ->
        [one] månad
       *[other] månader
    }.
    .help = Se till att utkastet antas och för in beslutet, eller avskriv det (ta bort posten eller ange status repealed).

DOC005 = Inget antaget styrdokument gäller { $topic ->
        [incident_management] incidenthantering
        [classification] informationsklassning
        [continuity] kontinuitetshantering
        [cloud_services] molntjänster
        [access_control] behörighetsstyrning
        [it_operations] IT-drift
        [procurement] upphandling
        [training] utbildning och medvetenhet
        [data_protection] dataskydd
        [risk_management] riskhantering
        [supplier_management] leverantörsstyrning
        [physical_security] fysisk säkerhet
        [logging] loggning och logguppföljning
       *[other] ämnet { $topic }
    }.{ $draft_count ->
        [0] {""}
        [one] {" "}Utkastet { $drafts } tar upp ämnet men har inte antagits.
       *[other] {" "}Utkasten { $drafts } tar upp ämnet men har inte antagits.
    }
    .help = Se till att ett styrdokument som gäller ämnet antas, och ange { $topic } under dokumentets topics.
