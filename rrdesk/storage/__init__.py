"""rrdesk storage layer."""
