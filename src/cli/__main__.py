"""`python -m cli`: the same as the `schoolnet` command."""

from cli.main import main

raise SystemExit(main())
