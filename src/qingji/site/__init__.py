"""The court's own site: its settings file (QINGJI_HOME/settings.toml), the values in force and their record, and
the State Council's holiday notices an administrator loads (DESIGN.md §4: a court changes configuration, not
code)."""
