"""rrdesk services layer."""
