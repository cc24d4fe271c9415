"""Emails ready to send and calendar invitations for the meeting."""
