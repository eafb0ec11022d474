"""The pages court users read: login, the ledger summary per court, the ledger and each case (issue 3 §5)."""
