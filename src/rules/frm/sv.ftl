# Ramverk (FRM): meddelanden på svenska, hela meningar.

## FRM001

FRM001 = Uttalandet om tillämplighet { $id } för { $framework } godkändes { $approved }, och godkännandet gällde till { $expired } ({ $review_months ->
        [one] { $review_months } månad
       *[other] { WORDS($review_months) } månader
    } senare).
    .help = Se över uttalandet och låt kommunstyrelsen godkänna det på nytt. Ange det nya datumet under approved och beslutet under decision_ref.

FRM001-none = Ramverket { $framework } ({ $framework_name }) står i isms.toml men har inget uttalande om tillämplighet.
    .help = Lägg till en post av typen statement_of_applicability med framework: { $framework } (isms new statement_of_applicability) och låt kommunstyrelsen godkänna den.

FRM001-unapproved = Uttalandet om tillämplighet { $id } för { $framework } är inte godkänt.
    .help = Låt kommunstyrelsen (eller fullmäktige) godkänna uttalandet, och ange approved, approved_by och decision_ref.

FRM001-body = Uttalandet om tillämplighet { $id } för { $framework } godkändes { $approved } { $approved_by ->
        [committee] av en nämnd
        [official] av en tjänsteperson
       *[none] utan att det framgår av vem
    }, inte av kommunstyrelsen eller fullmäktige.
    .help = Ledningsorganet godkänner uttalandet: approved_by: executive_board (eller municipal_council).

FRM001-unknown = I isms.toml står ramverket { $framework }, som varken är inbyggt eller finns som framework-post{ $has_closest ->
        [yes] { " " }(menade du { $closest }?)
       *[no] { "" }
    }.
    .help = De inbyggda ramverken är iso27001-2022 och nis2-art21. Ett eget ramverk läggs in som en framework-post.

## FRM002

FRM002 = Undantaget för { $control } i { $framework } skulle ha omprövats senast { $review }, för { $days_overdue ->
        [one] { $days_overdue } dag
       *[other] { $days_overdue } dagar
    } sedan.
    .help = Ompröva undantaget: ange ett nytt datum under review om skälet fortfarande gäller, eller ta bort undantaget och inför åtgärden.

## FRM003

FRM003 = Åtgärden { $framework }:{ $control } ({ $label }) är tillämplig, men ingen säkerhetsåtgärd, inget styrdokument och inget annat underlag visar att den genomförs.
    .help = För in säkerhetsåtgärden som genomför den (controls: [{ $framework }:{ $control }]), eller undanta åtgärden i uttalandet om tillämplighet med skälet.

FRM003-external = Den fysiska åtgärden { $framework }:{ $control } ({ $label }) saknar underlag. Alla informationstillgångar driftas externt, så det är leverantörerna som genomför den.
    .help = Undanta åtgärden med skälet (leverantörernas lokaler), eller för in hur leverantörernas fysiska säkerhet följs upp.
