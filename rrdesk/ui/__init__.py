"""rrdesk ui layer."""
