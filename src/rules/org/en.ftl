# Organisation (ORG): the English messages. `id` is the record's id, `subject` the
# finding's subject; the other values are the finding's figures (docs/findings.md).

ORG001 = { $unit_type } `{ $id }` ({ $name }) has no security representative
    .help = have the { $unit_type } appoint a security representative and record the name in `security_representative`
