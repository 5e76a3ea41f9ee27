# Cloud services (CLD): the English messages. `id` is the record's id, `subject` the
# finding's subject; the other values are the finding's figures (docs/findings.md).

CLD001 = asset `{ $id }` with { $personal_data } personal data is stored or processed in `{ $subject }`{ $gap ->
        [requires_safeguard] {" "}({ $country_en }), whose adequacy decision covers only { $required ->
                [dpf] providers certified under the EU-US Data Privacy Framework (`transfer_safeguard: dpf`)
               *[other] recipients under `transfer_safeguard: { $required }`
            }
        [not_in_force] {" "}({ $country_en }), whose adequacy decision applies only from { $decided }
        [expired] {" "}({ $country_en }), whose adequacy decision expired { $expires }
        [expired_undated] {" "}({ $country_en }), whose adequacy decision expired before the as-of date
       *[no_decision] , outside the EU/EEA, with no adequacy decision
    }; { $declared ->
        [no] no transfer safeguard is declared
       *[yes] { $safeguard ->
                [none] the asset declares `transfer_safeguard: none`
               *[other] `transfer_safeguard: { $safeguard }` does not hold there
            }
    }
    .help = keep the data in the EU/EEA, or put standard contractual clauses (`scc`), binding corporate rules (`bcr`) or, for the US, a DPF-certified provider (`dpf`) in place and record it in `hosting.transfer_safeguard`

CLD001-supplier = supplier `{ $id }` processes personal data on the organisation's behalf in `{ $subject }`{ $gap ->
        [requires_safeguard] {" "}({ $country_en }), whose adequacy decision covers only { $required ->
                [dpf] providers certified under the EU-US Data Privacy Framework (`transfer_safeguard: dpf`)
               *[other] recipients under `transfer_safeguard: { $required }`
            }
        [not_in_force] {" "}({ $country_en }), whose adequacy decision applies only from { $decided }
        [expired] {" "}({ $country_en }), whose adequacy decision expired { $expires }
        [expired_undated] {" "}({ $country_en }), whose adequacy decision expired before the as-of date
       *[no_decision] , outside the EU/EEA, with no adequacy decision
    }; { $basis ->
        [unserved] no active asset with personal data names it in `hosting.supplier`, so no transfer safeguard is declared
       *[asset] { $declared ->
            [no] asset { $asset }, which it serves, declares no transfer safeguard
           *[yes] { $safeguard ->
                    [none] asset { $asset }, which it serves, declares `transfer_safeguard: none`
                   *[other] `transfer_safeguard: { $safeguard }` of asset { $asset }, which it serves, does not hold there
                }
        }
    }
    .help = keep the data in the EU/EEA, or put standard contractual clauses (`scc`), binding corporate rules (`bcr`) or, for the US, a DPF-certified provider (`dpf`) in place and record it in `hosting.transfer_safeguard` of each asset the supplier serves

CLD002 = asset `{ $id }` holds information under secrecy, and its provider ({ $provider }) is not under Swedish jurisdiction
    .help = move the information to a provider under Swedish jurisdiction only, or record a waiver with the legal analysis that allows it

CLD002-unnamed = asset `{ $id }` holds information under secrecy, and its provider is not under Swedish jurisdiction
    .help = move the information to a provider under Swedish jurisdiction only, or record a waiver with the legal analysis that allows it

CLD002-unstated = asset `{ $id }` holds information under secrecy and is run { $model ->
        [saas] as SaaS
        [public_cloud] in a public cloud
       *[external] externally
    } by { $provider }, with no statement that the provider is under Swedish jurisdiction
    .help = find out which law the provider is under and record `hosting.swedish_jurisdiction`

CLD002-unstated-unnamed = asset `{ $id }` holds information under secrecy and is run { $model ->
        [saas] as SaaS
        [public_cloud] in a public cloud
       *[external] externally
    }, with no statement that the provider is under Swedish jurisdiction
    .help = find out which law the provider is under and record `hosting.swedish_jurisdiction`

CLD003 = cloud service `{ $id }` ({ $model ->
        [public_cloud] public cloud
       *[saas] saas
    } by { $provider }) has no classification
    .help = classify the information in the service and record it as a classification with `asset: { $id }`

CLD003-unnamed = cloud service `{ $id }` ({ $model ->
        [public_cloud] public cloud
       *[saas] saas
    }) has no classification
    .help = classify the information in the service and record it as a classification with `asset: { $id }`
