"""rrdesk domain layer."""
