# isms log TYP ID på svenska: rubriken, varje incheckning och vad den gjorde med posten,
# raden under historiken, noten om en grund klon och felet för ett okänt id. Fältens namn
# och värden är postens egna; sökvägarna räknas från git-arbetskatalogens topp.

## Rubriken: Historik för informationstillgång procapita – Procapita (assets/procapita.yaml).
log-heading = Historik för { $kind_name } { $id }{ $has_title ->
        [yes] {" "}– { $title }
       *[no] {""}
    } ({ $path })
## En incheckning: författardatum, kort id, författare, signatur och rubrik.
log-commit = { $date }  { $short }  { $author }  [{ $signature }]  { $subject }
## Incheckningens signatur (%G?), efter koden i JSON.
log-signature = { $status ->
        [good] signerad
        [bad] ogiltig signatur
        [unknown] signerad, okänd giltighet
        [expired] utgången signatur
        [expired-key] signerad med utgången nyckel
        [revoked] signerad med återkallad nyckel
        [cannot-check] signaturen kunde inte kontrolleras
       *[none] osignerad
    }
## När någon annan än författaren checkade in ändringen.
log-committed-by = incheckad av { $name } { $date }
## Vad incheckningen gjorde med posten som helhet.
log-added = tillagd i { $path }
log-removed = borttagen ur { $path }
log-renamed = flyttad från { $from } till { $to }
## Ett fält som incheckningen lade till, tog bort eller ändrade (confidentiality: 2 → 3).
log-field-added = + { $field }: { $new }
log-field-removed = - { $field }: { $old }
log-field-changed = ~ { $field }: { $old } → { $new }
## Raden under historiken.
log-total = { $count ->
        [0] Posten finns ännu inte i någon incheckning.
        [one] Posten har ändrats i en incheckning.
       *[other] Posten har ändrats i { WORDS($count) } incheckningar.
    }
## På standardfel när klonen är grund och historiken slutar vid den äldsta incheckningen som visas.
log-shallow = obs: klonen är grund, och postens historik kan gå längre tillbaka än den äldsta incheckningen som visas (hämta historiken: fetch-depth: 0 i actions/checkout, GIT_DEPTH: 0 i GitLab CI eller git fetch --unshallow)
## Ingen post av typen har id:t.
log-unknown-id = Det finns ingen post av typen { $kind_name } med id:t { $id }.{ $has_closest ->
        [yes] {" "}Menade du { $closest }?
       *[no] {""}
    }
