# Organisation (ORG): the English messages. `id` is the record's id, `subject` the
# finding's subject; the other values are the finding's figures (docs/findings.md).

ORG001 = { $unit_type } `{ $id }` ({ $name }) has no security representative
    .help = have the { $unit_type } appoint a security representative and record the name in `security_representative`

# The subject is the vacant role's field.
ORG002 = the key role of { $subject ->
        [information_security_coordinator] information security coordinator (informationssäkerhetssamordnare)
        [it_security_coordinator] IT security coordinator (it-säkerhetssamordnare)
        [security_chief] security chief (säkerhetschef)
        [data_protection_officer] data protection officer (dataskyddsombud)
       *[other] `{ $subject }`
    } is vacant
    .help = appoint { $subject ->
        [information_security_coordinator] an information security coordinator
        [it_security_coordinator] an IT security coordinator
        [security_chief] a security chief
        [data_protection_officer] a data protection officer
       *[other] someone
    } and record the name under `roles: { $subject }:`{ $subject ->
        [data_protection_officer] ; a public authority must designate one (GDPR art. 37)
       *[other] {""}
    }
ORG002-no-organisation = there is no organisation record, so every key role is vacant: information security coordinator (informationssäkerhetssamordnare), IT security coordinator (it-säkerhetssamordnare), security chief (säkerhetschef), data protection officer (dataskyddsombud)
    .help = add `organisation.yaml` with `kind: organisation` and record the holders under `roles`

# `meetings` were held in the window `window_start`..`window_end`; `threshold` a year are expected.
ORG003 = the security council met { $meetings } { $meetings ->
        [one] time
       *[other] times
    } in the last 12 months ({ $window_start } to { $window_end }); { ORG003.expected }
    .expected = at least { $threshold } { $threshold ->
        [one] meeting
       *[other] meetings
    } a year are expected
    .help = hold at least { $threshold } { $threshold ->
        [one] council meeting
       *[other] council meetings
    } a year and record their dates under `council: meetings` in the organisation record
ORG003-lapsed = the security council has not met in the last 12 months ({ $window_start } to { $window_end }); its last meeting was { $last_meeting }; { ORG003.expected }
    .help = { ORG003.help }
ORG003-never = no security council meeting is recorded; { ORG003.expected }
    .help = { ORG003.help }
ORG003-no-organisation = there is no organisation record, so no security council meetings are recorded; { ORG003.expected }
    .help = { ORG003.help }

# `missing`: owner, administrator or owner_and_administrator; `critical`: no, own, or
# inherited (indirectly) from the asset `critical_via`, which it supports.
ORG004 = active asset `{ $id }` ({ $name }) has no { $missing ->
        [owner] owner (systemägare)
        [administrator] administrator (systemförvaltare)
       *[owner_and_administrator] owner (systemägare) or administrator (systemförvaltare)
    }{ $critical ->
        [own] ; it is critical
        [inherited] ; it is critical through `{ $critical_via }`, which it supports
        [inherited_indirectly] ; it is critical through `{ $critical_via }`, which it supports indirectly
       *[no] {""}
    }
    .help = name the { $missing ->
        [owner] owner
        [administrator] administrator
       *[owner_and_administrator] owner and administrator
    } of `{ $id }` in { $missing ->
        [owner] `owner`
        [administrator] `administrator`
       *[owner_and_administrator] `owner` and `administrator`
    }
