"""The integrity checks: hidden over-deadline cases (隐形超审限) and clearing while piling up, found with their
evidence (rules/trial-periods.md §2, §3, §5; docs/integrity.md). Django-free: it reads frames and returns
findings."""
