# The tool's own texts in English (the rules' messages are in src/rules/<area>/en.ftl).

## The summary of `check` and `validate`: `3 errors, 5 warnings, 1 info in 412 records (...)`.
summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 info
       *[other] { $infos } infos
    } in { $records ->
        [one] 1 record
       *[other] { $records } records
    }{ $kinds ->
        [none] {""}
       *[other] {" "}({ $kinds })
    }
## `baseline REV: 37 gaps remain, 5 fixed, 2 new`
baseline-summary = baseline { $rev }: { $remaining } { $remaining ->
        [one] gap remains
       *[other] gaps remain
    }, { $fixed } fixed, { $new } new
baseline-first-commit = baseline { $rev }: no commit yet, so no gap is new; only invalid records fail
## A kind's plural in the summary: the kind table's own.
kind-plural = { $plural }
severity-error = error
severity-warning = warning
severity-info = info
help = help
