# Steering documents (DOC): the English messages. `id` is the record's id, `subject` the
# finding's subject; the other values are the finding's figures (docs/findings.md).
# `doc_type`, `adopted_by` and `min_body` are the registry's codes; `required_scope` says
# which bodies may adopt a type: `only` its `min_body`, `or_higher`, or `any`.

DOC001 = { $doc_type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    } `{ $id }` adopted { $adopted } is { $age_years } { $age_years ->
        [one] year
       *[other] years
    } old; steering documents should be reviewed within { $limit_years } { $limit_years ->
        [one] year
       *[other] years
    }
    .help = review the document and record the new adoption date and decision

DOC001-interval = { $doc_type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    } `{ $id }` adopted { $adopted } is { $age_years } { $age_years ->
        [one] year
       *[other] years
    } old, past its own review interval of { $limit_years } { $limit_years ->
        [one] year
       *[other] years
    }
    .help = review the document and record the new adoption date and decision

DOC001-undated = { $doc_type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    } `{ $id }` is adopted but has no `adopted` date, so its age cannot be judged
    .help = add `adopted: YYYY-MM-DD` from the decision (see `decision_ref`)

DOC002 = no adopted { $doc_type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    }, a required steering document type{ $draft_count ->
        [0] {""}
        [one] ; draft { $drafts } awaits adoption
       *[other] ; drafts { $drafts } await adoption
    }{ $repealed_count ->
        [0] {""}
        [one] ; { $repealed } was repealed
       *[other] ; { $repealed } were repealed
    }
    .help = have { $doc_type ->
        [security_policy] a security policy
        [information_security_policy] an information security policy
        [guideline] a guideline
        [routine] a routine
        [position] a position
        [plan] a plan
       *[other] an other
    } adopted by { $required_scope ->
        [any] any body
        [only] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        }
       *[or_higher] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        } or a higher body
    } and record it with `status: adopted`, `adopted` and `decision_ref`

DOC002-unknown = required document type `{ $required_type }` (`[policies] required_types`) is not a known type, so no document can meet it
    .help = correct the type in isms.toml; known types are { $known }{ $suggested ->
        [yes] ; did you mean `{ $suggestion }`?
       *[no] {""}
    }

DOC003 = { $doc_type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    } `{ $id }` was adopted{ $dated ->
        [yes] {" "}{ $adopted }
       *[no] {""}
    } by { $adopted_by ->
        [municipal_council] the municipal council (kommunfullmäktige)
        [executive_board] the executive board (kommunstyrelsen)
        [committee] a committee (nämnd)
        [official] an official (tjänsteperson)
       *[other] `{ $adopted_by }`
    }; its type requires { $required_scope ->
        [any] any body
        [only] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        }
       *[or_higher] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        } or a higher body
    }
    .help = have the document adopted by { $required_scope ->
        [any] any body
        [only] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        }
       *[or_higher] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        } or a higher body
    } and update `adopted`, `adopted_by` and `decision_ref`

DOC003-unrecorded = { $doc_type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    } `{ $id }` is adopted but the adopting body is not recorded; its type requires { $required_scope ->
        [any] any body
        [only] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        }
       *[or_higher] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        } or a higher body
    }
    .help = record `adopted_by` and `decision_ref`; if a lower body adopted it, have it adopted by { $required_scope ->
        [any] any body
        [only] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        }
       *[or_higher] { $min_body ->
            [municipal_council] the municipal council (kommunfullmäktige)
            [executive_board] the executive board (kommunstyrelsen)
            [committee] a committee (nämnd)
            [official] an official (tjänsteperson)
           *[other] `{ $min_body }`
        } or a higher body
    }

DOC004 = draft { $doc_type ->
        [security_policy] security policy
        [information_security_policy] information security policy
        [guideline] guideline
        [routine] routine
        [position] position
        [plan] plan
       *[other] other
    } `{ $id }` { $counted_from ->
        [drafted] drafted { $since }
       *[adopted] adopted { $since } (no `drafted` date)
    } is { $age_months } { $age_months ->
        [one] month
       *[other] months
    } old; drafts should be adopted or dropped within { $limit_months } { $limit_months ->
        [one] month
       *[other] months
    }
    .help = have the draft adopted and record the decision, or drop it (delete the record or set `status: repealed`)

DOC005 = no adopted steering document governs { $topic_name } (topic `{ $topic }`){ $draft_count ->
        [0] {""}
        [one] ; draft { $drafts } lists it but is not adopted
       *[other] ; drafts { $drafts } list it but are not adopted
    }
    .help = adopt a steering document that governs { $topic_name } and list `{ $topic }` in its `topics`
