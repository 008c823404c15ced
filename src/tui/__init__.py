"""schoolnet's Textual user interface; it reads and writes only through store."""
