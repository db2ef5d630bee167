"""The device's side of the USB-stick exchange with the community service station: signed, sealed bundles
(:mod:`.bundle`), the Ed25519 identities that sign them (:mod:`.identity`), which changes wait to be sent
(:mod:`.pending`) and the device's export and import (:mod:`.device`).  The merge rules are the record's
(:mod:`fieldgrid.record.merge`); nothing here imports the TUI."""
