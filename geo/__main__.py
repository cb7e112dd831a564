"""Command line: python -m geo boundaries | gazetteer | extract | build."""
from geo.cli import main

raise SystemExit(main())
