"""Agency check forms as Word documents on the Agency forms tab: saving a request's form (with
its password shown once), adding the form an agency sends back (asking for its password, and
showing what was read beside the current answers before anything is stored), and sending the
agency's own document back with comments."""
