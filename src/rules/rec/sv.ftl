# Posternas kvalitet (REC): de svenska meddelandena. `id` är postens id, `subject` fyndets
# ämne; övriga värden är fyndets figurer (se docs/findings.md). REC001:s meddelanden är de
# problem som inläsningen och schemat hittar (load::Unreadable): ett meddelande per slags
# problem, med varianter efter `reason`, `problem` eller `hint`. En hjälptext som väljer
# { "" } visas inte.
#
# Posttyperna heter: organisation, enhet, styrdokument, informationstillgång, klassning,
# risk, säkerhetsåtgärd, krav, incident, handlingsplan, aktivitet, utbildning,
# kontinuitetsplan, utvärdering, uppföljning och rekommendation.

## REC001: filer som inte läses

REC001-unreadable = { $reason ->
        [too-large] Filen är { $size_mib } MiB, men postfiler läses bara upp till { $limit_mib } MiB.
        [io] Filen kan inte läsas: { $error }.
        [walk] Det går inte att läsa här: { $error }.
        [binary] Filen är binär (den innehåller en NUL-byte), men poster skrivs som YAML-text.
        [not-utf8] Filen är inte sparad som UTF-8 (byte { $byte } på position { $offset }).
        [link-broken] Den symboliska länken kan inte följas ({ $error }): den går i en slinga eller pekar på något som saknas.
        [not-a-file] Det här är ingen vanlig fil (en namngiven pipe, en enhet eller en socket), men poster är filer.
       *[link-not-followed] Symboliska länkar följs inte, så posterna bakom länken läses inte.
    }
    .help = { $reason ->
        [too-large] Dela upp posterna i flera filer.
        [binary] Spara posterna som YAML-text.
        [not-utf8] Spara filen som UTF-8.
        [link-not-followed] Bara filerna i själva förrådet läses. Flytta hit posterna.
        [not-a-file] Ta bort den, eller lämna den utanför med exclude i isms.toml.
       *[other] { "" }
    }

## REC001: YAML som inte går att tolka

REC001-yaml = { $problem ->
        [too-deep] Strukturen är nästlad i mer än { $max_depth } nivåer. Resten av filen läses inte.
        [too-many-documents] Filen innehåller mer än { $max_documents } dokument. Resten av filen läses inte.
        [too-many-values] Dokumentet växer till mer än { $max_values } värden (en aliasbomb?). Resten av filen läses inte.
        [unknown-anchor] Ett alias pekar på ett ankare som inte finns.
        [unbalanced] En lista eller mappning avslutas utan att ha börjat.
        [key-collection] En nyckel i en mappning måste vara en enkel text, inte en lista eller mappning.
        [key-not-string] En nyckel i en mappning måste vara en enkel text.
        [duplicate-key] Nyckeln { $key } förekommer två gånger i samma mappning.
        [indent] Raden är { $deeper ->
            [yes] mer
           *[no] mindre
        } indragen än { $above_is ->
            [item] listpunkten
           *[key] nyckeln
        } { $above } ovanför. I YAML är indraget en del av strukturen.
        [indented-start] Första raden är indragen men raderna efter den är det inte. I YAML är indraget en del av strukturen.
        [text-indent] Raden i texten under { $key } är mindre indragen än textens första rad.
        [flow-indent] Listan under { $key } fortsätter på en rad som inte är mer indragen än { $key }.
        [tab-after] Efter { $after ->
            [colon] kolonet
            [question] frågetecknet
           *[dash] strecket
        } står en tabb, men YAML kräver ett mellanslag där.
        [no-space] Texten { $text } saknar mellanslag efter { $after ->
            [colon] kolonet, så YAML läser den som text och inte som en nyckel med ett värde
           *[dash] strecket, så YAML läser den som text och inte som en punkt i en lista
        }.
        [no-colon] Raden { $text } saknar kolon, så YAML läser den som text och inte som en nyckel med ett värde.
        [colon-in-value] Värdet av { $key } innehåller ett kolon följt av mellanslag, vilket YAML läser som början på en ny nyckel.
        [unclosed-quote] { $quotes ->
            [single] Den enkla apostrofen
           *[double] Citattecknet
        } som inleder texten avslutas aldrig.
        [after-quote] Det står text efter { $quotes ->
            [single] den avslutande apostrofen
           *[double] det avslutande citattecknet
        } i värdet.
        [unclosed-bracket] Tecknet { $open } inleder här en { $collection ->
            [list] lista
           *[mapping] mappning
        } som aldrig avslutas med { $close }.
        [stray-bracket] Tecknet { $close } avslutar ingen { $collection ->
            [list] lista
           *[mapping] mappning
        }.
        [reserved-start] Ett värde kan inte börja med { $char } utan citattecken.
        [comment-in-text] Ett mellanslag följt av # inleder en kommentar, och en kommentar kan inte bryta en text som fortsätter på nästa rad.
        [list-item] Här står en punkt i en lista där mappningen under { $above } väntar sig en nyckel.
        [list-on-key-line] En lista kan inte börja på samma rad som sin nyckel { $key }.
       *[syntax] Texten är inte giltig YAML: { $error }.
    }
    .help = { $problem ->
        [tab] Dra in raderna med mellanslag. YAML tillåter inte tabbar som indrag.
        [too-deep] { "" }
        [too-many-documents] Dela upp posterna i flera filer.
        [too-many-values] { "" }
        [unbalanced] { "" }
        [key-collection] { "" }
        [key-not-string] { "" }
        [unknown-anchor] Ett värde som börjar med * läses som ett alias till ett ankare (&namn). Sätt text som börjar med * inom citattecken.
        [duplicate-key] Behåll en av nycklarna { $key } i mappningen. Som det står nu är det det senare värdet som läses.
        [indent] { $column ->
            [0] Börja { $key } längst till vänster på raden, som { $above } på rad { $above_line }.
           *[other] Dra in { $key } { WORDS($column, neuter: "yes") } mellanslag, som { $above } på rad { $above_line }.
        }
        [indented-start] Ta bort { $spaces ->
            [one] mellanslaget
           *[other] de { WORDS($spaces, neuter: "yes") } mellanslagen
        } före { $key }. En posts nycklar börjar längst till vänster på raden.
        [text-indent] Dra in varje rad i { $key } minst { WORDS($column, neuter: "yes") } mellanslag, som textens första rad.
        [flow-indent] Dra in listans fortsättningsrader mer än { $key }, eller skriv hela listan på en rad.
        [tab-after] Byt tabben mot ett mellanslag.
        [no-space] Skriv ett mellanslag efter { $after ->
            [colon] kolonet
           *[dash] strecket
        }.
        [no-colon] Skriv nyckeln med kolon och mellanslag: { $fixed }.
        [colon-in-value] Sätt värdet inom citattecken: { $key }: { $quoted }.
        [unclosed-quote] Avsluta texten med { $quote } på samma rad.{ $quotes ->
            [single] { " " }En apostrof inuti enkla apostrofer skrivs dubbelt ('').
           *[double] { "" }
        }
        [after-quote] Skriv hela värdet inom citattecknen: { $quoted }.
        [unclosed-bracket] Avsluta med { $close } på samma rad{ $collection ->
            [list] , eller skriv listan med en punkt per rad som börjar med ett streck och ett mellanslag
           *[mapping] { "" }
        }.
        [stray-bracket] Ta bort { $close }, eller sätt värdet inom citattecken.
        [reserved-start] Sätt värdet inom citattecken: { $quoted }.
        [comment-in-text] Sätt texten inom citattecken, eller ta bort # och mellanslaget före.
        [list-item] Lägg listan under en egen nyckel och dra in den, eller skriv raden som en nyckel med ett värde.
        [list-on-key-line] Skriv varje punkt på en egen indragen rad under { $key } som börjar med ett streck och ett mellanslag, eller hela listan inom hakparenteser: { $key }: [a, b].
       *[other] Se över raden och raden ovanför: indraget (mellanslag, inte tabbar) och att varje citattecken och parentes som öppnas också stängs.
    }

## REC001: inställningar i isms.toml som inte går att läsa (de behåller sitt standardvärde)

REC001-config = { $problem ->
        [value] Inställningen { $key } ska vara { $expected ->
            [number] ett tal{ $has_example ->
                [yes] , till exempel { $example }
               *[no] { "" }
            }
            [integer] ett heltal{ $has_example ->
                [yes] , till exempel { $example }
               *[no] { "" }
            }
            [text] en text inom citattecken{ $has_example ->
                [yes] , till exempel { $example }
               *[no] { "" }
            }
            [list] en lista inom hakparenteser{ $has_example ->
                [yes] , till exempel { $example }
               *[no] { "" }
            }
            [boolean] true eller false
            [table] ett avsnitt med inställningar
            [language] "sv" eller "en"
            [level] "error", "warning", "info" eller "off"
           *[other] ett värde som TOML kan läsa: ett tal, en text inom citattecken, true eller false eller en lista inom hakparenteser
        }, men är { $found }.
        [unknown-key] Inställningen { $key }{ $in_section ->
            [yes] { " " }i avsnittet [{ $section }]
           *[no] { "" }
        } finns inte.
        [timezone] Tidszonen { $found } finns inte.
        [duplicate-key] Inställningen { $key } anges två gånger.
        [no-equals] Inställningen { $key } saknar likhetstecken före värdet.
        [unclosed-quote] Texten i { $key } avslutas aldrig med { $quote }.
        [unclosed-bracket] Listan i { $key } avslutas aldrig med ].
        [header] Avsnittsrubriken { $header } avslutas inte med ].
       *[syntax] Filen isms.toml är inte giltig TOML: { $error }.
    }
    .help = { $problem ->
        [value] { $hint ->
            [percent] Skriv andelen som ett decimaltal: { $key } = { $fixed }.
            [comma] Skriv decimaltal med punkt: { $key } = { $fixed }.
            [quotes] Skriv texten inom citattecken: { $key } = { $fixed }.
            [unquote] Skriv tal utan citattecken: { $key } = { $fixed }.
           *[none] Tills värdet rättas gäller standardvärdet för { $key }.
        }
        [unknown-key] { $has_closest ->
            [yes] Menade du { $closest }?
           *[no] Inställningarna och deras standardvärden finns i den isms.toml som isms init skriver.
        }
        [timezone] Skriv namnet på en IANA-tidszon, till exempel "Europe/Stockholm".
        [duplicate-key] Behåll en av dem. Till dess läses filen utan den här raden.
        [no-equals] Skriv inställningen som { $fixed }.
        [unclosed-quote] Avsluta texten med { $quote } på samma rad.
        [unclosed-bracket] Avsluta listan med ] efter sista punkten.
        [header] Skriv rubriken som [namn], med båda hakparenteserna.
       *[syntax] Skriv en inställning per rad som namn = värde, med text inom citattecken.
    }

REC001-no-document = Filen innehåller inget YAML-dokument.
    .help = En postfil innehåller en eller flera poster. Ta bort filen om den inte behövs.

REC001-not-a-record = Dokument { $document } i filen är { $content ->
        [empty] tomt
       *[other] inte en mappning
    }. En post är en mappning med fälten kind och id.
    .help = { $content ->
        [empty] Ta bort överflödiga avgränsare (---), eller skriv in postens fält.
       *[other] Ta bort överflödiga avgränsare (---), eller skriv in postens fält. En YAML-fil som inte är en post undantas med exclude = ["{ $path }"] i isms.toml.
    }

REC001-kind = { $problem ->
        [missing] Posten saknar fältet kind, som anger vilken typ av post det är.
        [unknown] Posttypen { $value } finns inte.
       *[not-text] Fältet kind ska vara text, men är { $found }.
    }
    .help = { $problem ->
        [missing] { $has_id ->
            [yes] Ange kind med en av posttyperna { $kinds }.
           *[no] En YAML-fil som inte är en post undantas med exclude = ["{ $path }"] i isms.toml. En post behöver fältet kind med en av posttyperna { $kinds }.
        }
        [unknown] { $has_closest ->
            [yes] Menade du { $closest }? Rätta i så fall posttypen.
           *[no] Posttyperna är { $kinds }.
        }
       *[not-text] { "" }
    }

## REC001: poster som inte följer sitt schema

REC001-unknown-field = Fältet { $field } finns inte i postformatet{ $has_closest ->
        [yes] { " " }(menade du { $closest }?)
       *[no] { "" }
    }.
    .help = { $has_closest ->
        [yes] Menade du { $closest }? Egna fält ska ha namn som börjar med x-.
       *[no] Kända fält här: { $known }. Egna fält ska ha namn som börjar med x-.
    }

REC001-merge-key = En sammanslagningsnyckel (<<) läses inte: posterna läses som YAML 1.2, där sådana nycklar inte finns.
    .help = Skriv ut fälten i själva posten. En post som visar allt den innehåller är också det som en granskare läser.

REC001-required = Det obligatoriska fältet { $field } saknas { $nested ->
        [yes] under { $parent }
       *[no] i posten
    }.
    .help = Lägg till fältet { $field }. Kommandot isms schema { $kind } visar vilka fält posten kan ha.

REC001-required-one-of = Minst ett av fälten { $fields } måste finnas { $nested ->
        [yes] under { $parent }
       *[no] i posten
    }.
    .help = Ange minst ett av fälten { $fields }. Kommandot isms schema { $kind } visar vilka fält posten kan ha.

REC001-enum = Fältet { $field } har värdet { $value }, som inte är tillåtet. Tillåtna värden är { $allowed }.
    .help = { $has_closest ->
        [yes] Menade du { $closest }? Rätta i så fall värdet.
       *[no] { "" }
    }

REC001-type = Fältet { $field } ska vara { $expected ->
        [integer] ett heltal
        [array] en lista
        [object] en mappning
        [null] tomt
        [string] en text
        [boolean] true eller false
        [number] ett tal
       *[other] av någon av typerna { $expected }
    }, men är { $found ->
        [null] tomt
        [boolean] { $value }
        [number] talet { $value }
        [text] texten { $value }
        [list] en lista
       *[mapping] en mappning
    }.
    .help = { $hint ->
        [yes-no] Skriv true eller false. YAML 1.2 läser yes och no som text.
       *[none] { "" }
    }

REC001-range = Fältet { $field } är { $value }, men { $bound ->
        [minimum] minst { $limit } krävs
       *[maximum] högst { $limit } är tillåtet
    }.
    .help = { $hint ->
        [levels] Nivåerna går från 0 (ingen eller försumbar) till 4 (synnerligen allvarlig).
        [likelihood] Sannolikhet och konsekvens anges från 1 till 4.
       *[none] { "" }
    }

REC001-date = Fältet { $field } innehåller { $value }, som inte är något giltigt datum.
    .help = Skriv datum som ÅÅÅÅ-MM-DD, och bara datum som finns i kalendern.

-rec-id-rule = Ett id får bara innehålla bokstäverna a–z och A–Z (inte å, ä eller ö), siffror, punkt, understreck och bindestreck, och ska börja med en bokstav eller en siffra.

REC001-invalid = Fältet { $field } har ett ogiltigt värde: { $found ->
        [list] en lista
        [mapping] en mappning
       *[other] { $value }
    }.
    .help = { $hint ->
        [id] { -rec-id-rule }
        [id-example] { -rec-id-rule } Till exempel { $example }.
        [country] Landskoder skrivs enligt ISO 3166-1 alpha-2, med två versaler som SE.
        [country-capitals] Landskoder skrivs enligt ISO 3166-1 alpha-2, med versaler: { $example }.
        [date-time] Tidpunkter skrivs som 2023-05-02T09:30, eventuellt med sekunder och tidszon.
       *[none] { "" }
    }

REC001-country = Landskoden { $code } finns inte i ISO 3166-1 alpha-2.
    .help = { $reserved ->
        [yes] Landets kod enligt ISO 3166-1 är { $iso }.
       *[no] Skriv landets tvåbokstavskod enligt ISO 3166-1 alpha-2, till exempel SE.
    }

# Ett problem med schemavalideringens egna ord (`error`, på engelska).
REC001-other = Värdet stämmer inte med postformatet ({ $error }).
    .help = Kommandot isms schema { $kind } visar vilka fält och värden posten kan ha.

# Ett värde som schemat godtar men som inte går att läsa (en tidpunkt som inte finns i
# kalendern). Modellens förklaring (`error`) är på engelska och visas inte.
REC001-value = Fältet { $field } har ett värde som inte går att läsa: { $found ->
        [list] en lista
        [mapping] en mappning
       *[other] { $value }
    }.
    .help = Datum och tidpunkter måste finnas i kalendern. Kommandot isms schema { $kind } visar hur fältet skrivs.

## REC002

REC002 = Id:t { $id } används redan av { $kind ->
        [organisation] en annan organisation
        [unit] en annan enhet
        [policy] ett annat styrdokument
        [asset] en annan informationstillgång
        [classification] en annan klassning
        [risk] en annan risk
        [measure] en annan säkerhetsåtgärd
        [requirement] ett annat krav
        [incident] en annan incident
        [plan] en annan handlingsplan
        [activity] en annan aktivitet
        [training] en annan utbildning
        [continuity_plan] en annan kontinuitetsplan
        [evaluation] en annan utvärdering
        [review] en annan uppföljning
        [finding] en annan rekommendation
       *[other] en annan post av samma typ
    }{ $differs_in_case ->
        [yes] , som { $first_id } (stora och små bokstäver räknas som samma id)
       *[no] { "" }
    }.
    .help = { $kept_by ->
        [name] Id:t behålls av posten i { $first_path } på rad { $first_line }, filen som har id:ts namn. Ge posterna var sitt id.
       *[order] Den första finns i { $first_path } på rad { $first_line }. Ge posterna var sitt id.
    }

REC002-organisation = Organisationsposten { $id } är en andra organisationspost, men förrådet beskriver en enda organisation.
    .help = För samman uppgifterna i en enda organisationspost och ta bort den andra.

## REC003

REC003 = { $kind ->
        [organisation] Organisationen
        [unit] Enheten
        [policy] Styrdokumentet
        [asset] Informationstillgången
        [classification] Klassningen
        [risk] Risken
        [measure] Säkerhetsåtgärden
        [requirement] Kravet
        [incident] Incidenten
        [plan] Handlingsplanen
        [activity] Aktiviteten
        [training] Utbildningen
        [continuity_plan] Kontinuitetsplanen
        [evaluation] Utvärderingen
        [review] Uppföljningen
        [finding] Rekommendationen
        [supplier] Leverantören
        [statement_of_applicability] Uttalandet om tillämplighet
        [framework] Ramverket
       *[other] Posten
    } { $id } hänvisar under { $field } till { $target ->
        [organisation] organisationen
        [unit] enheten
        [policy] styrdokumentet
        [asset] informationstillgången
        [classification] klassningen
        [risk] risken
        [measure] säkerhetsåtgärden
        [requirement] kravet
        [incident] incidenten
        [plan] handlingsplanen
        [activity] aktiviteten
        [training] utbildningen
        [continuity_plan] kontinuitetsplanen
        [evaluation] utvärderingen
        [review] uppföljningen
        [finding] rekommendationen
        [supplier] leverantören
        [statement_of_applicability] uttalandet om tillämplighet
        [framework] ramverket
       *[other] posten
    } { $value }, som inte finns.
    .help = { $has_closest ->
        [yes] Menade du { $closest }? Rätta i så fall hänvisningen.
       *[no] Lägg till den saknade posten, eller rätta hänvisningen.
    }

REC003-goal = Aktiviteten { $id } hänvisar till målet { $goal }, men handlingsplanen { $plan } har inget sådant mål.
    .help = { $goal_count ->
        [0] Handlingsplanen { $plan } har inga mål. Lägg till målet i planen, eller ta bort det från aktiviteten.
       *[other] Handlingsplanens mål är { $goals }.{ $has_closest ->
            [yes] { " " }Menade du { $closest }? Rätta i så fall målet.
           *[no] { "" }
        }
    }

REC003-control = { $kind ->
        [measure] Säkerhetsåtgärden
        [statement_of_applicability] Uttalandet om tillämplighet
       *[other] Posten
    } { $id } anger under { $field } { $problem ->
        [framework] ramverket { $framework }, som varken är inbyggt eller finns som framework-post.
       *[control] åtgärden { $control }, som inte finns i ramverket { $framework }.
    }
    .help = { $has_closest ->
        [yes] Menade du { $closest }? Rätta i så fall hänvisningen.
       *[no] { $problem ->
            [framework] De inbyggda ramverken är iso27001-2022 och nis2-art21. Ett eget ramverk läggs in som en framework-post.
           *[other] Kommandot isms report soa --framework { $framework } listar ramverkets åtgärder.
        }
    }

REC003-cycle = Kedjan under supports går runt i en slinga: { $cycle }.
    .help = En informationstillgång kan inte bära sig själv. Ta bort en länk i slingan.

## REC004

REC004-unknown = Undantaget för { $kind ->
        [organisation] organisationen
        [unit] enheten
        [policy] styrdokumentet
        [asset] informationstillgången
        [classification] klassningen
        [risk] risken
        [measure] säkerhetsåtgärden
        [requirement] kravet
        [incident] incidenten
        [plan] handlingsplanen
        [activity] aktiviteten
        [training] utbildningen
        [continuity_plan] kontinuitetsplanen
        [evaluation] utvärderingen
        [review] uppföljningen
        [finding] rekommendationen
       *[other] posten
    } { $id } anger { $rule }, som inte är någon regelkod{ $has_closest ->
        [yes] { " " }(menade du { $closest }?)
       *[no] { "" }
    }.
    .help = Rätta koden till en regelkod ur katalogen, till exempel DOC001.

REC004-expired = Undantaget från { $rule } för { $kind ->
        [organisation] organisationen
        [unit] enheten
        [policy] styrdokumentet
        [asset] informationstillgången
        [classification] klassningen
        [risk] risken
        [measure] säkerhetsåtgärden
        [requirement] kravet
        [incident] incidenten
        [plan] handlingsplanen
        [activity] aktiviteten
        [training] utbildningen
        [continuity_plan] kontinuitetsplanen
        [evaluation] utvärderingen
        [review] uppföljningen
        [finding] rekommendationen
       *[other] posten
    } { $id } gick ut { $until }, för { $days_ago ->
        [one] { WORDS($days_ago) } dag
       *[other] { WORDS($days_ago) } dagar
    } sedan, och gäller inte längre.
    .help = Åtgärda bristen och ta bort undantaget, eller besluta om en ny giltighetstid och ange den under until, med skäl och godkännare.

## REC001: en platshållare från mallen står kvar (load::placeholder)

REC001-placeholder = Fältet { $field } innehåller fortfarande mallens platshållare { $value }.{ $target ->
        [none] { "" }
       *[other] { " " }Skriv id för { $target ->
            [unit] den enhet
            [asset] den informationstillgång
            [plan] den handlingsplan
            [review] den uppföljning
            [measure] den säkerhetsåtgärd
            [activity] den aktivitet
           *[other] den post
        } som { $kind ->
            [organisation] organisationen
            [unit] enheten
            [policy] styrdokumentet
            [asset] informationstillgången
            [classification] klassningen
            [risk] risken
            [measure] säkerhetsåtgärden
            [requirement] kravet
            [incident] incidenten
            [plan] handlingsplanen
            [activity] aktiviteten
            [training] utbildningen
            [continuity_plan] kontinuitetsplanen
            [evaluation] utvärderingen
            [review] uppföljningen
            [finding] rekommendationen
           *[other] posten
        } gäller.
    }
    .help = { $target ->
        [none] Ersätt platshållaren med postens eget värde. Kommandot isms schema { $kind } beskriver fältet.
       *[other] Kommandot isms list { $target } visar vilka som finns.
    }
