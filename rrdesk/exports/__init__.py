"""rrdesk exports layer."""
