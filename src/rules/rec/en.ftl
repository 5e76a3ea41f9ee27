# Record hygiene (REC): the English messages. `id` is the record's id, `subject` the
# finding's subject; the other values are the finding's figures (docs/findings.md).
# REC001's messages are the problems the loader and the schema find (load::Unreadable):
# one message per kind of problem, its variants selected on `reason`, `problem` or `hint`.
# A help that selects { "" } is no help.

## REC001: files that are not read

REC001-unreadable = { $reason ->
        [too-large] file is { $size_mib } MiB; record files are read up to { $limit_mib } MiB
        [io] cannot read file: { $error }
        [walk] cannot read: { $error }
        [binary] binary file (a NUL byte); records are YAML text
        [not-utf8] file is not UTF-8 (byte { $byte } at offset { $offset }); save it as UTF-8
        [link-broken] symbolic link cannot be resolved ({ $error }); a loop or a missing target
        [not-a-file] not a regular file (a pipe, a device or a socket); records are files
       *[link-not-followed] symbolic link not followed; its records are not read
    }
    .help = { $reason ->
        [too-large] split the records into files of their own
        [binary] keep only YAML records here, or leave the file out with `exclude` in `isms.toml`
        [link-not-followed] isms reads the files of the repository itself; move the records here
        [not-a-file] remove it, or leave it out with `exclude` in `isms.toml`
       *[other] { "" }
    }

## REC001: YAML that does not parse

REC001-yaml = { $problem ->
        [too-deep] nesting deeper than { $max_depth } levels; the rest of this file is not read
        [too-many-documents] more than { $max_documents } documents in one file; the rest of this file is not read
        [too-many-values] document expands to more than { $max_values } values (alias bomb?); the rest of this file is not read
        [unknown-anchor] alias to an unknown anchor
        [unbalanced] unbalanced collection end
        [key-collection] a mapping key must be a plain string, not a list or mapping
        [key-not-string] a mapping key must be a plain string
        [duplicate-key] duplicate key `{ $key }` in the same mapping
        [indent] this line is indented { $deeper ->
            [yes] more
           *[no] less
        } than the { $above_is ->
            [item] list item
           *[key] key
        } `{ $above }` above it: YAML uses indentation for structure
        [indented-start] the first line is indented and the lines after it are not: YAML uses indentation for structure
        [text-indent] this line of the text of `{ $key }` is indented less than the text's first line
        [flow-indent] the list of `{ $key }` goes on at a line indented no further than `{ $key }`
        [tab-after] a tab after { $after ->
            [colon] the colon
            [question] the question mark
           *[dash] the dash
        }, where YAML needs a space
        [no-space] `{ $text }` has no space after the { $after ->
            [colon] colon, so YAML reads it as text, not as a key and its value
           *[dash] dash, so YAML reads it as text, not as a list item
        }
        [no-colon] `{ $text }` has no colon, so YAML reads it as text, not as a key and its value
        [colon-in-value] the value of `{ $key }` holds a colon and a space, which YAML reads as the start of another key
        [unclosed-quote] the { $quotes ->
            [single] single quote
           *[double] double quote
        } that starts this text is never closed
        [after-quote] text follows the closing { $quotes ->
            [single] single quote
           *[double] double quote
        } of this value
        [unclosed-bracket] `{ $open }` opens a { $collection ->
            [list] list
           *[mapping] mapping
        } here that is never closed with `{ $close }`
        [stray-bracket] `{ $close }` closes no { $collection ->
            [list] list
           *[mapping] mapping
        }
        [reserved-start] a value cannot start with { $char } unless it is in quotes
        [comment-in-text] ` #` starts a comment, which cannot break a text that goes on to the next line
        [list-item] a list item where the mapping of `{ $above }` expects a key
        [list-on-key-line] a list cannot start on the line of its key `{ $key }`
       *[syntax] invalid YAML: { $error }
    }
    .help = { $problem ->
        [tab] indent with spaces; YAML does not allow tabs for indentation
        [too-deep] { "" }
        [too-many-documents] split the records into files of their own
        [too-many-values] { "" }
        [unbalanced] { "" }
        [key-collection] { "" }
        [key-not-string] { "" }
        [unknown-anchor] a value that starts with `*` is read as an alias to an anchor (`&name`); put text that starts with `*` in quotes
        [duplicate-key] keep one `{ $key }:` in this mapping; as written, the later value is the one read
        [indent] { $column ->
            [0] start `{ $key }` at the beginning of the line, as `{ $above }` on line { $above_line }
            [one] indent `{ $key }` by { $column } space, as `{ $above }` on line { $above_line }
           *[other] indent `{ $key }` by { $column } spaces, as `{ $above }` on line { $above_line }
        }
        [indented-start] remove the { $spaces ->
            [one] space
           *[other] { $spaces } spaces
        } before `{ $key }`: a record's keys start at the beginning of the line
        [text-indent] indent every line of `{ $key }` by at least { $column ->
            [one] { $column } space
           *[other] { $column } spaces
        }, as the text's first line
        [flow-indent] indent the lines that go on with the list further than `{ $key }`, or write the list on one line
        [tab-after] replace the tab after `{ $mark }` with a space
        [no-space] write a space after `{ $mark }`
        [no-colon] write the key with a colon and a space: `{ $fixed }`
        [colon-in-value] put the value in quotes: `{ $key }: { $quoted }`
        [unclosed-quote] end the text with `{ $quote }` on the same line{ $quotes ->
            [single] ; an apostrophe inside single quotes is written twice (`''`)
           *[double] { "" }
        }
        [after-quote] write the whole value inside the quotes: `{ $quoted }`
        [unclosed-bracket] close it with `{ $close }` on the same line{ $collection ->
            [list] , or write the list one item per line, each starting with `- `
           *[mapping] { "" }
        }
        [stray-bracket] remove the `{ $close }`, or put the value in quotes
        [reserved-start] put the value in quotes: `{ $quoted }`
        [comment-in-text] put the text in quotes, or remove the ` #`
        [list-item] put the list under a key of its own, indented below it, or make the line a key and its value
        [list-on-key-line] write each item on a line of its own below `{ $key }:`, indented and starting with `- `, or the list in brackets: `{ $key }: [a, b]`
       *[other] check this line and the one above it: the indentation (spaces, not tabs), and that every quote and bracket opened is closed
    }

## REC001: settings of isms.toml that cannot be read (each keeps its default)

REC001-config = { $problem ->
        [value] `{ $key }` must be { $expected ->
            [number] a number{ $has_example ->
                [yes] , such as { $example }
               *[no] { "" }
            }
            [integer] a whole number{ $has_example ->
                [yes] , such as { $example }
               *[no] { "" }
            }
            [text] text in quotes{ $has_example ->
                [yes] , such as { $example }
               *[no] { "" }
            }
            [list] a list in brackets{ $has_example ->
                [yes] , such as { $example }
               *[no] { "" }
            }
            [boolean] `true` or `false`
            [table] a section of settings
            [language] "sv" or "en"
            [level] "error", "warning", "info" or "off"
           *[other] a value TOML can read: a number, text in quotes, `true` or `false`, or a list in brackets
        }, not { $found }
        [unknown-key] unknown setting `{ $key }`{ $in_section ->
            [yes] { " " }in [{ $section }]
           *[no] { "" }
        }
        [timezone] unknown time zone `{ $found }`
        [duplicate-key] `{ $key }` is set twice
        [no-equals] `{ $key }` has no `=` before its value
        [unclosed-quote] the text of `{ $key }` is never closed with { $quote }
        [unclosed-bracket] the list of `{ $key }` is never closed with ]
        [header] the section header `{ $header }` is not closed with ]
       *[syntax] `isms.toml` is not valid TOML: { $error }
    }
    .help = { $problem ->
        [value] { $hint ->
            [percent] a share is written as a decimal number: `{ $key } = { $fixed }`
            [comma] a decimal number is written with a point: `{ $key } = { $fixed }`
            [quotes] write the text in quotes: `{ $key } = { $fixed }`
            [unquote] numbers are written without quotes: `{ $key } = { $fixed }`
           *[none] until it is corrected, `{ $key }` keeps its default
        }
        [unknown-key] { $has_closest ->
            [yes] did you mean `{ $closest }`?
           *[no] the settings and their defaults are in the `isms.toml` that `isms init` writes
        }
        [timezone] write an IANA time zone name, such as "Europe/Stockholm"
        [duplicate-key] keep one of the two; until then the file is read without this line
        [no-equals] write the setting as `{ $fixed }`
        [unclosed-quote] end the text with { $quote } on the same line
        [unclosed-bracket] end the list with ] after its last item
        [header] write the header as [name], with both brackets
       *[syntax] settings are written one a line, `name = value`, with text in quotes
    }

REC001-no-document = file holds no YAML document
    .help = a record file holds one or more records; delete the file if it is not needed

REC001-not-a-record = document { $document } is { $content ->
        [empty] an empty document
       *[other] not a mapping
    }; a record is a mapping with `kind` and `id`
    .help = { $content ->
        [empty] remove stray `---` separators, or write the record's fields
       *[other] remove stray `---` separators, or write the record's fields; a YAML file that is not a record is left out with `exclude = ["{ $path }"]` in `isms.toml`
    }

REC001-kind = { $problem ->
        [missing] record has no `kind`
        [unknown] unknown kind `{ $value }`
       *[not-text] `kind` must be text, found { $found }
    }
    .help = { $problem ->
        [missing] { $has_id ->
            [yes] add `kind:` with one of { $kinds }
           *[no] a YAML file that is not a record is left out with `exclude = ["{ $path }"]` in `isms.toml`; a record needs `kind:`, one of { $kinds }
        }
        [unknown] { $has_closest ->
            [yes] did you mean `{ $closest }`?
           *[no] kinds are { $kinds }
        }
       *[not-text] { "" }
    }

## REC001: records against their schema

REC001-unknown-field = unknown field `{ $field }`{ $has_closest ->
        [yes] { " " }(did you mean `{ $closest }`?)
       *[no] { "" }
    }
    .help = { $has_closest ->
        [yes] did you mean `{ $closest }`? Extension fields start with `x-`
       *[no] known fields here: { $known }; extension fields start with `x-`
    }

REC001-merge-key = a merge key (`<<`): records are read as YAML 1.2, which has no merge keys
    .help = write the fields out in the record itself; a record that shows all it holds is also what a reviewer reads

REC001-required = missing required field `{ $field }` in { $nested ->
        [yes] { $parent }
       *[no] the record
    }
    .help = add `{ $field }`; `isms schema { $kind }` shows the fields the record can have

REC001-required-one-of = missing field: { $nested ->
        [yes] `{ $parent }`
       *[no] a { $kind }
    } needs at least one of { $fields }
    .help = give at least one of { $fields }; `isms schema { $kind }` shows the fields the record can have

REC001-enum = `{ $value }` is not a valid `{ $field }`; expected one of { $allowed }
    .help = { $has_closest ->
        [yes] did you mean `{ $closest }`?
       *[no] { "" }
    }

REC001-type = `{ $field }` must be { $expected ->
        [integer] an integer
        [array] an array
        [object] an object
        [null] null
        [string] a string
        [boolean] a boolean
        [number] a number
       *[other] one of { $expected }
    }, found { $found ->
        [null] nothing (null)
        [boolean] boolean `{ $value }`
        [number] number `{ $value }`
        [text] text `{ $value }`
        [list] a list
       *[mapping] a mapping
    }
    .help = { $hint ->
        [yes-no] write `true` or `false` (YAML 1.2 reads `yes`/`no` as text)
       *[none] { "" }
    }

REC001-range = `{ $field }` is { $value }, { $bound ->
        [minimum] below the minimum
       *[maximum] above the maximum
    } { $limit }
    .help = { $hint ->
        [levels] levels run from 0 (none or negligible) to 4 (exceptionally serious)
        [likelihood] likelihood and consequence run from 1 to 4
       *[none] { "" }
    }

REC001-date = `{ $value }` is not a valid date
    .help = dates are written YYYY-MM-DD and must exist in the calendar

-rec-id-rule = ids use the letters a–z and A–Z (not å, ä or ö), digits, `.`, `_` and `-`, and start with a letter or digit

REC001-invalid = { $found ->
        [list] a list
        [mapping] a mapping
       *[other] `{ $value }`
    } is not a valid `{ $field }`
    .help = { $hint ->
        [id] { -rec-id-rule }
        [id-example] { -rec-id-rule }, e.g. `{ $example }`
        [country] country codes are ISO 3166-1 alpha-2, two capitals such as `SE`
        [country-capitals] country codes are ISO 3166-1 alpha-2, in capitals: `{ $example }`
        [date-time] date-times are written 2023-05-02T09:30, optionally with seconds and an offset
       *[none] { "" }
    }

REC001-country = `{ $code }` is not an ISO 3166-1 alpha-2 country code
    .help = { $reserved ->
        [yes] the ISO 3166-1 code is `{ $iso }`
       *[no] write the country's two-letter ISO 3166-1 alpha-2 code, e.g. `SE`
    }

# A problem in the schema validator's own words (`error`).
REC001-other = the value does not fit the schema: { $error }
    .help = `isms schema { $kind }` shows the fields and values the record can have

# A value the schema allows but the model cannot read (an impossible date-time), in the
# model's words (`error`).
REC001-value = { $error }
    .help = dates and times must exist in the calendar; `isms schema { $kind }` shows how the field is written

## REC002

REC002 = duplicate { $kind } id `{ $id }`{ $differs_in_case ->
        [yes] { " " }(ids are compared ignoring case: `{ $first_id }`)
       *[no] { "" }
    }
    .help = { $kept_by ->
        [name] the id stays with { $first_path }:{ $first_line }, the file named after it; give each { $kind } its own id
       *[order] first defined at { $first_path }:{ $first_line }; give each { $kind } its own id
    }

REC002-organisation = a second organisation record `{ $id }`; a repository describes one organisation
    .help = merge the two into one organisation record and remove the other

## REC003

REC003 = { $kind } `{ $id }` refers to { $target } `{ $value }` in `{ $field }`, but no { $target } has that id
    .help = { $has_closest ->
        [yes] did you mean `{ $closest }`?
       *[no] add a { $target } record with id `{ $value }`, or correct the reference
    }

REC003-goal = activity `{ $id }` refers to goal `{ $goal }`, which plan `{ $plan }` does not have
    .help = { $goal_count ->
        [0] plan `{ $plan }` has no goals
       *[other] its goals are { $goals }{ $has_closest ->
            [yes] ; did you mean `{ $closest }`?
           *[no] { "" }
        }
    }

REC003-control = { $kind ->
        [statement_of_applicability] statement of applicability
       *[other] { $kind }
    } `{ $id }` names { $problem ->
        [framework] framework `{ $framework }` in `{ $field }`, which is neither built in nor a framework record
       *[control] control `{ $control }` in `{ $field }`, which framework `{ $framework }` does not have
    }
    .help = { $has_closest ->
        [yes] did you mean `{ $closest }`?
       *[no] { $problem ->
            [framework] the built-in frameworks are `iso27001-2022` and `nis2-art21`; a framework of your own is a `framework` record
           *[other] `isms report soa --framework { $framework }` lists the framework's controls
        }
    }

REC003-cycle = `supports` forms a cycle: { $cycle }
    .help = an asset cannot carry itself; remove one link of the cycle

## REC004

REC004-unknown = waiver on { $kind ->
        [continuity_plan] continuity plan
       *[other] { $kind }
    } `{ $id }` names `{ $rule }`, which is not a rule code{ $has_closest ->
        [yes] ; did you mean `{ $closest }`?
       *[no] { "" }
    }
    .help = correct the code to a rule code of the catalogue, such as `DOC001`

REC004-expired = waiver of `{ $rule }` on { $kind ->
        [continuity_plan] continuity plan
       *[other] { $kind }
    } `{ $id }` expired { $until }, { $days_ago ->
        [one] { $days_ago } day
       *[other] { $days_ago } days
    } ago; it silences nothing
    .help = fix the gap and remove the waiver, or decide on a new `until` with a reason and an approver

## REC001: a template's placeholder left in (load::placeholder)

REC001-placeholder = `{ $field }` is still the template's placeholder `{ $value }`{ $target ->
        [none] { "" }
       *[other] : write the id of the { $target ->
            [continuity_plan] continuity plan
           *[other] { $target }
        } this { $kind ->
            [continuity_plan] continuity plan
           *[other] { $kind }
        } is about
    }
    .help = { $target ->
        [none] replace it with this record's own { $field }; `isms schema { $kind }` describes the field
       *[other] `isms list { $target }` lists them
    }
