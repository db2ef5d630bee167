"""The problem ledger (问题台账) as a feature: events and notices told in words (:mod:`.wording`) and a month's
ledger as a spreadsheet (:mod:`.export`).  The rules of a problem are the model's (:mod:`fieldgrid.model.ledger`)."""
