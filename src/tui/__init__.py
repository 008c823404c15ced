"""schoolnet's Textual user interface and command line."""
