"""Command line: python -m geo boundaries | extract | build | add | remove."""
from geo.cli import main

raise SystemExit(main())
