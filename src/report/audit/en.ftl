# The audit report's own texts in English: what a question lacks when its key figure has
# nothing to count (`missing-*`, the question then answers No), and what is not there when
# question 9 or 12 has nothing in scope (`none-*`). Each is a clause after "No evidence:" or
# "Nothing to assess:".

# Question 1: no document type is required (`[policies] required_types` is empty).
missing-documents = no document type is configured as required
# Question 2: no organisation record (which holds the key roles) and no units.
missing-organisation = no organisation record with the key roles, and no committees, companies or federations
# Question 3: `plans` plans for `year`, with `cancelled` cancelled activities and no others.
missing-plan = { $plans ->
        [0] no action plan for { $year }
        [one] the action plan for { $year } has no activities
       *[other] the action plans for { $year } have no activities
    }{ $plans ->
        [0] {""}
       *[other] { $cancelled ->
            [0] {""}
           *[other] {" "}other than cancelled ones
        }
    }
# Question 4, as CUL001 says it: `campaigns` training campaigns in the window, none with
# reported results.
missing-training = { $campaigns ->
        [0] no training campaign in the last { $window_months } { $window_months ->
            [one] month
           *[other] months
        }
       *[other] no reported results from the { $campaigns ->
            [one] training campaign
           *[other] { $campaigns } training campaigns
        } of the last { $window_months } { $window_months ->
            [one] month
           *[other] months
        }
    }
# Question 5.
missing-units = no committees, companies or federations registered
# Question 6: `assets` active assets, none of which must be classified.
missing-classification = { $assets ->
        [0] no assets registered
        [one] the one active asset is not critical, holds no sensitive personal data, is not under secrecy and supports no essential service
       *[other] none of the { $assets } active assets is critical, holds sensitive personal data, is under secrecy or supports an essential service
    }
# Question 7.
missing-measures = no implemented security measures registered
# Question 8: no implemented measure provides either capability.
missing-monitoring = no implemented measure provides monitoring or intrusion detection
# Question 9: nothing in scope.
none-incidents = no incidents in the last { $months } { $months ->
        [one] month
       *[other] months
    }
# Question 10: `assets` active assets, none of them critical.
missing-continuity = { $assets ->
        [0] no assets registered
        [one] the one active asset is not critical
       *[other] none of the { $assets } active assets is critical
    }
# Question 11: neither the management review nor the audit of the ISMS is recent.
missing-follow-ups = no management review to the executive board in the last { $review_months } { $review_months ->
        [one] month
       *[other] months
    } and no audit of the ISMS in the last { $audit_months } { $audit_months ->
        [one] month
       *[other] months
    }
# Question 12: nothing in scope.
none-cloud = no cloud or SaaS services
