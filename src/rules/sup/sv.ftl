# Leverantörer (SUP): de svenska meddelandena. `id` är postens id, `subject` fyndets ämne;
# övriga värden är fyndets figurer (se docs/findings.md). `critical` är `stated` eller
# `inferred`; en härledd verksamhetskritiskhet nämner de verksamhetskritiska
# informationstillgångar som leverantören levererar (`critical_assets`, `critical_asset_count`).

SUP001 = { $security_requirements ->
        [no] Enligt posten ställer avtalet med { $name } ({ $id }) inga säkerhetskrav på leverantören
       *[absent] Det framgår inte att avtalet med { $name } ({ $id }) ställer säkerhetskrav på leverantören
    }, som är verksamhetskritisk{ $critical ->
        [inferred] {" "}eftersom den levererar { $critical_asset_count ->
                [one] den verksamhetskritiska informationstillgången
               *[other] de verksamhetskritiska informationstillgångarna
            } { $critical_assets }
       *[stated] {""}
    }.
    .critical_assets = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {", som stöder "}{ $through }
       *[own] {""}
    }
    .help = Kom överens med leverantören om säkerhetskrav (till exempel behörighetsstyrning, loggning, sårbarhetshantering, incidentrapportering och rätt till granskning) och ange att avtalet ställer säkerhetskrav under contract.security_requirements.

SUP002 = { $name } ({ $id }) är en verksamhetskritisk leverantör{ $critical ->
        [inferred] {" "}eftersom den levererar { $critical_asset_count ->
                [one] den verksamhetskritiska informationstillgången
               *[other] de verksamhetskritiska informationstillgångarna
            } { $critical_assets },
       *[stated] {""}
    } och { $assessment ->
        [outdated] leverantörens säkerhet bedömdes senast { $assessed }, för { $age_months ->
                [one] { WORDS($age_months) } månad
               *[other] { WORDS($age_months) } månader
            } sedan
       *[never] det finns ingen registrerad bedömning av leverantörens säkerhet
    }. Verksamhetskritiska leverantörer ska bedömas på nytt inom { $max_months ->
        [one] { WORDS($max_months) } månad
       *[other] { WORDS($max_months) } månader
    }.
    .critical_assets = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {", som stöder "}{ $through }
       *[own] {""}
    }
    .help = Bedöm leverantörens säkerhet (till exempel med en enkät, leverantörens certifieringar och revisionsrapporter eller en granskning enligt avtalet) och ange datumet under assessed.

SUP003 = { $name } ({ $id }) är personuppgiftsbiträde åt organisationen, men { $agreement ->
        [later] personuppgiftsbiträdesavtalet är daterat först { $dpa }, efter bedömningsdagen
       *[none] det finns inget personuppgiftsbiträdesavtal
    }.
    .help = Teckna ett personuppgiftsbiträdesavtal med leverantören (artikel 28.3 i dataskyddsförordningen) och ange datumet under contract.dpa. Om leverantören inte behandlar personuppgifter för organisationens räkning anger du det under processor.

SUP004 = { $name } ({ $id }) är en verksamhetskritisk leverantör{ $critical ->
        [inferred] {" "}eftersom den levererar { $critical_asset_count ->
                [one] den verksamhetskritiska informationstillgången
               *[other] de verksamhetskritiska informationstillgångarna
            } { $critical_assets },
       *[stated] {""}
    } och { $notification ->
        [later] avtalet ger leverantören { $hours ->
                [one] { WORDS($hours) } timme
               *[other] { WORDS($hours) } timmar
            } på sig att rapportera en incident till organisationen
       *[unstated] avtalet anger inte inom hur lång tid leverantören ska rapportera en incident till organisationen
    }. Organisationen måste själv rapportera inom { $deadline_hours ->
        [one] { WORDS($deadline_hours) } timme
       *[other] { WORDS($deadline_hours) } timmar
    } ({ $deadline_law ->
        [cybersecurity_act] tidig varning om en betydande incident enligt cybersäkerhetslagen
       *[gdpr] anmälan av en personuppgiftsincident till IMY enligt artikel 33 i dataskyddsförordningen
    }).
    .critical_assets = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {", som stöder "}{ $through }
       *[own] {""}
    }
    .help = Kom överens med leverantören om att incidenter ska rapporteras inom { $deadline_hours ->
        [one] { WORDS($deadline_hours) } timme
       *[other] { WORDS($deadline_hours) } timmar
    }, med marginal för att bedöma och rapportera vidare, och ange tiden under contract.incident_notification_hours.

SUP005 = Avtalet med { $name } ({ $id }) { $ended ->
        [yes] löpte ut { $ends } men leverantören är fortfarande aktiv
       *[no] löper ut { $ends }, inom { WORDS($window_months) } månader
    }, och det finns ingen exitplan. Leverantören är verksamhetskritisk{ $critical ->
        [inferred] {" "}eftersom den levererar { $critical_asset_count ->
                [one] den verksamhetskritiska informationstillgången
               *[other] de verksamhetskritiska informationstillgångarna
            } { $critical_assets }
       *[stated] {""}
    }.
    .critical_assets = { $position ->
        [first] {""}
        [last] {" och "}
       *[other] {", "}
    }{ $asset }{ $critical ->
        [through] {", som stöder "}{ $through }
       *[own] {""}
    }
    .help = Ta fram en exitplan tillsammans med leverantören (överlämning av data och format, övergångsperiod, radering hos leverantören) och ange att den finns under contract.exit_plan, eller förläng avtalet och ange det nya slutdatumet under contract.ends.
