# Molntjänster (CLD): de svenska meddelandena. `id` är postens id, `subject` fyndets ämne;
# övriga värden är fyndets figurer (se docs/findings.md).

CLD001 = { $name } ({ $id }) innehåller { $personal_data ->
        [sensitive] känsliga personuppgifter
       *[other] personuppgifter
    } som lagras eller behandlas i { $gap ->
        [requires_safeguard] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå bara omfattar { $required ->
                [dpf] leverantörer som är certifierade enligt EU–US Data Privacy Framework
               *[other] mottagare med skyddsåtgärden { $required }
            }
        [not_in_force] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå gäller först från { $decided }
        [expired] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå bara gällde till och med { $expires }
        [expired_undated] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå har upphört att gälla
       *[no_decision] { $subject }, ett land utanför EU/EES utan beslut om adekvat skyddsnivå
    }. { $declared ->
        [no] Inga skyddsåtgärder för överföringen har angetts.
       *[yes] { $safeguard ->
                [none] Enligt posten finns inga skyddsåtgärder för överföringen.
                [adequacy] Posten anger beslut om adekvat skyddsnivå som grund för överföringen, men den grunden gäller inte där.
                [dpf] Posten anger certifiering enligt Data Privacy Framework som grund för överföringen, men den grunden gäller inte där.
               *[other] Posten anger skyddsåtgärden { $safeguard }, men den gäller inte där.
            }
    }
    .help = Behåll uppgifterna inom EU/EES, eller inför standardavtalsklausuler (scc), bindande företagsbestämmelser (bcr) eller, för USA, en leverantör som är certifierad enligt Data Privacy Framework (dpf), och ange skyddsåtgärden under hosting.transfer_safeguard.

CLD001-supplier = Leverantören { $name } ({ $id }) är personuppgiftsbiträde åt organisationen och lagrar eller behandlar personuppgifter i { $gap ->
        [requires_safeguard] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå bara omfattar { $required ->
                [dpf] leverantörer som är certifierade enligt EU–US Data Privacy Framework
               *[other] mottagare med skyddsåtgärden { $required }
            }
        [not_in_force] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå gäller först från { $decided }
        [expired] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå bara gällde till och med { $expires }
        [expired_undated] { $country_sv } ({ $subject }), där beslutet om adekvat skyddsnivå har upphört att gälla
       *[no_decision] { $subject }, ett land utanför EU/EES utan beslut om adekvat skyddsnivå
    }. { $basis ->
        [unserved] Ingen aktiv informationstillgång med personuppgifter anger leverantören, så inga skyddsåtgärder för överföringen är kända.
       *[asset] { $declared ->
            [no] För { $asset }, som leverantören levererar, har inga skyddsåtgärder för överföringen angetts.
           *[yes] { $safeguard ->
                    [none] Enligt posten för { $asset }, som leverantören levererar, finns inga skyddsåtgärder för överföringen.
                    [adequacy] Posten för { $asset }, som leverantören levererar, anger beslut om adekvat skyddsnivå som grund för överföringen, men den grunden gäller inte där.
                    [dpf] Posten för { $asset }, som leverantören levererar, anger certifiering enligt Data Privacy Framework som grund för överföringen, men den grunden gäller inte där.
                   *[other] Posten för { $asset }, som leverantören levererar, anger skyddsåtgärden { $safeguard }, men den gäller inte där.
                }
        }
    }
    .help = Behåll uppgifterna inom EU/EES, eller inför standardavtalsklausuler (scc), bindande företagsbestämmelser (bcr) eller, för USA, en leverantör som är certifierad enligt Data Privacy Framework (dpf), och ange skyddsåtgärden under hosting.transfer_safeguard för varje informationstillgång som leverantören levererar.

CLD002 = { $name } ({ $id }) innehåller uppgifter som omfattas av sekretess, men leverantören { $provider } står inte under svensk jurisdiktion.
    .help = Flytta uppgifterna till en leverantör som enbart står under svensk jurisdiktion, eller registrera ett undantag med den juridiska analys som visar att det är tillåtet.

CLD002-unnamed = { $name } ({ $id }) innehåller uppgifter som omfattas av sekretess, men leverantören står inte under svensk jurisdiktion.
    .help = Flytta uppgifterna till en leverantör som enbart står under svensk jurisdiktion, eller registrera ett undantag med den juridiska analys som visar att det är tillåtet.

CLD002-unstated = { $name } ({ $id }) innehåller uppgifter som omfattas av sekretess och { $model ->
        [saas] körs som SaaS
        [public_cloud] körs i ett publikt moln
       *[external] driftas externt
    } hos { $provider }, men det är inte angivet att leverantören står under svensk jurisdiktion.
    .help = Ta reda på vilken lag leverantören lyder under och ange det under hosting.swedish_jurisdiction.

CLD002-unstated-unnamed = { $name } ({ $id }) innehåller uppgifter som omfattas av sekretess och { $model ->
        [saas] körs som SaaS
        [public_cloud] körs i ett publikt moln
       *[external] driftas externt
    }, men det är inte angivet att leverantören står under svensk jurisdiktion.
    .help = Ta reda på vilken lag leverantören lyder under och ange det under hosting.swedish_jurisdiction.

CLD003 = { $name } ({ $id }) { $model ->
        [public_cloud] körs i ett publikt moln
       *[saas] körs som SaaS
    } hos { $provider } men saknar klassning.
    .help = Klassa informationen i tjänsten och registrera klassningen där asset är { $id }.

CLD003-unnamed = { $name } ({ $id }) { $model ->
        [public_cloud] körs i ett publikt moln
       *[saas] körs som SaaS
    } men saknar klassning.
    .help = Klassa informationen i tjänsten och registrera klassningen där asset är { $id }.
