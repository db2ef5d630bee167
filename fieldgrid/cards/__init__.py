"""Contact cards with QR codes: the leader's vCard, household door cards with an opaque household code, the
notice-board card (公示牌); as 300-dpi PNG or A4 PDF sheets with cut marks."""
