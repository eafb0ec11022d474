"""The cadence (issue 13, docs/cadence.md): daily reminders, weekly supervision lists, the ten-day bulletin and the
monthly report, produced on time by a schedule that survives restarts, and delivered to each person's inbox."""
