# Posttypernas namn i singular, för isms due och isms list (src/cli/list.rs läser in filen
# i båda katalogerna). Pluralformerna är verktygets egna: kind-plural i src/l10n/.

kind-singular = { $kind ->
        [organisation] organisation
        [unit] enhet
        [policy] styrdokument
        [asset] informationstillgång
        [classification] klassning
        [risk] risk
        [measure] säkerhetsåtgärd
        [requirement] krav
        [incident] incident
        [plan] handlingsplan
        [activity] aktivitet
        [training] utbildning
        [continuity_plan] kontinuitetsplan
        [evaluation] utvärdering
        [review] genomgång
        [finding] revisionsrekommendation
        [supplier] leverantör
        [statement_of_applicability] uttalande om tillämplighet
        [framework] ramverk
       *[other] { $kind }
    }
