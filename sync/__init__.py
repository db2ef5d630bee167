"""Sync between a leader's device and the community service station: bundles carried on a USB stick.

``sync.merge`` holds the merge rules both sides share; ``sync.bundle`` the signed, encrypted bundle format;
``sync.keys`` the identities; ``sync.device`` the device's side; ``sync.station`` the station.  Nothing here
imports the TUI.
"""
