"""Spreadsheets for the working group: the action plan and the themes log as CSV and Excel."""
