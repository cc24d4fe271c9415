"""Signatures on PDFs: signing a document, its visible stamp, and checking a signed file."""
