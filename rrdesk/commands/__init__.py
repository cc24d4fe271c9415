"""Sub-commands of the rrdesk command line, each with its parser and its run function."""
