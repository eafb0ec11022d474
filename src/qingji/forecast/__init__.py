"""The forecast of cases about to age into the backlog, the backlog projected month by month, and what-if
planning for a campaign (docs/forecast.md). Django-free: it reads frames and returns values."""
