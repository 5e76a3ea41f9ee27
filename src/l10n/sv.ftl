# Verktygets egna texter på svenska (reglernas meddelanden finns i src/rules/<område>/sv.ftl).

summary = { $errors ->
        [one] 1 brist
       *[other] { $errors } brister
    }, { $warnings ->
        [one] 1 anmärkning
       *[other] { $warnings } anmärkningar
    } och { $infos ->
        [one] 1 upplysning
       *[other] { $infos } upplysningar
    } i { $records ->
        [one] 1 post
       *[other] { $records } poster
    }{ $kinds ->
        [none] {""}
       *[other] {" "}({ $kinds })
    }
baseline-summary = Jämfört med { $rev }: { $remaining } kvarstår, { $fixed } { $fixed ->
        [one] är åtgärdad
       *[other] är åtgärdade
    } och { $new } { $new ->
        [one] är ny
       *[other] är nya
    }
baseline-first-commit = Jämfört med { $rev }: det finns ingen commit ännu, så ingen brist är ny; bara ogiltiga poster stoppar
config-unread = isms.toml har inställningar som inte går att läsa, och det här resultatet skulle använda standardvärdena i stället. isms validate visar var; rätta dem och kör igen.
## Severities in the compiler-style output.
severity-error = brist
severity-warning = anmärkning
severity-info = upplysning
help = hjälp
kind-plural = { $kind ->
        [organisation] organisation
        [unit] enheter
        [policy] styrdokument
        [asset] informationstillgångar
        [classification] klassningar
        [risk] risker
        [measure] säkerhetsåtgärder
        [requirement] krav
        [incident] incidenter
        [plan] handlingsplaner
        [activity] aktiviteter
        [training] utbildningar
        [continuity_plan] kontinuitetsplaner
        [evaluation] utvärderingar
        [review] genomgångar
        [finding] revisionsrekommendationer
        [supplier] leverantörer
        [statement_of_applicability] uttalanden om tillämplighet
        [framework] ramverk
       *[other] { $plural }
    }
## En mapp som inte är något förråd (cli::open): given när mappen angavs med --repo,
## writing för isms new.
no-repository = { $given ->
        [yes] Mappen som angavs med --repo har ingen isms.toml
       *[no] Det finns ingen isms.toml i den här mappen eller i någon mapp ovanför
    }{ $writing ->
        [yes] , och isms new skriver poster bara i ett ISMS-förråd.
       *[no] { "" } och inga poster. Mappen är inget ISMS-förråd, och det finns inget att kontrollera.
    }
no-repository-help = hjälp: Kör isms init för att skapa ett förråd här, eller ange förrådets mapp med --repo MAPP.
## Scheman i .isms/schemas är inte den här versionens (cli::schema_files).
schemas-stale = obs: { $count ->
        [one] ett schema
       *[other] { WORDS($count, neuter: "yes") } scheman
    } i { $dir } skiljer sig från den här versionen av isms ({ $names }). Kommandot isms init --schemas uppdaterar dem som isms har skrivit.
