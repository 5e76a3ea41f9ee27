# `isms log KIND ID` in English: the heading, each commit's line and what it did to the
# record, the line under the history, the shallow-clone note and the unknown-id error.
# Field names and values are the record's own; paths are below the top of the git work tree.

## The heading: `History of asset procapita – Procapita (assets/procapita.yaml)`.
log-heading = History of { $kind_name } { $id }{ $has_title ->
        [yes] {" "}– { $title }
       *[no] {""}
    } ({ $path })
## One commit: its author date, short id, author, signature status and subject.
log-commit = { $date }  { $short }  { $author }  [{ $signature }]  { $subject }
## A commit's signature status (`%G?`), by its JSON code.
log-signature = { $status ->
        [good] signed
        [bad] bad signature
        [unknown] signed, validity unknown
        [expired] expired signature
        [expired-key] signed with an expired key
        [revoked] signed with a revoked key
        [cannot-check] signature not checked
       *[none] unsigned
    }
## When someone else committed the author's change (a patch applied, a rebase).
log-committed-by = committed by { $name } on { $date }
## What the commit did to the record as a whole.
log-added = added in { $path }
log-removed = removed from { $path }
log-renamed = moved from { $from } to { $to }
## A field the commit added, removed or changed (`confidentiality: 2 → 3`).
log-field-added = + { $field }: { $new }
log-field-removed = - { $field }: { $old }
log-field-changed = ~ { $field }: { $old } → { $new }
## The line under the history.
log-total = { $count ->
        [0] no commit holds the record yet
        [one] 1 commit changed the record
       *[other] { $count } commits changed the record
    }
## On standard error when the clone is shallow and its history ends at the oldest commit shown.
log-shallow = note: this clone is shallow, and the record's history may go on before its oldest commit shown (fetch the history: `fetch-depth: 0` in actions/checkout, `GIT_DEPTH: 0` in GitLab CI, or `git fetch --unshallow`)
## No record of the kind has the id.
log-unknown-id = no { $kind_name } has the id `{ $id }`{ $has_closest ->
        [yes] ; did you mean `{ $closest }`?
       *[no] {""}
    }
