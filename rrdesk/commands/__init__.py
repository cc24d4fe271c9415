"""Command-line sub-commands: each adds its parser and runs without Qt."""
