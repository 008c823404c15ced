"""The `schoolnet` command line: it opens the app or runs a subcommand; it calls store only."""
