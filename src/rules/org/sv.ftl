# Organisation (ORG): de svenska meddelandena. `id` är postens id, `subject` fyndets
# ämne; övriga värden är fyndets figurer (se docs/findings.md).

ORG001 = { $name } ({ $id }) har inget säkerhetsombud.
    .help = Se till att { $name } utser ett säkerhetsombud, och för in namnet under security_representative.
