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
config-unread = isms.toml has settings that cannot be read, and this output would use their defaults instead. `isms validate` shows where; correct them and run again.
## A kind's plural in the summary: the kind table's own.
kind-plural = { $plural }
severity-error = error
severity-warning = warning
severity-info = info
help = help
## A folder that is no repository (`cli::open`): `given` when it came from `--repo`,
## `writing` for `isms new`.
no-repository = { $given ->
        [yes] the folder given with `--repo` has no `isms.toml`
       *[no] no `isms.toml` in this folder or any folder above it
    }{ $writing ->
        [yes] ; `isms new` writes records only into an ISMS repository
       *[no] , and no records: this is not an ISMS repository, and there is nothing to check
    }
no-repository-help = help: run `isms init` to start a repository here, or name one with `--repo DIR`
## The schemas in `.isms/schemas` are not this binary's (`cli::schema_files`).
schemas-stale = note: { $count ->
        [one] 1 schema
       *[other] { $count } schemas
    } in { $dir } { $count ->
        [one] differs
       *[other] differ
    } from this version of isms ({ $names }); `isms init --schemas` refreshes the ones isms wrote
