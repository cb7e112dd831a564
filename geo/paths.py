"""Where the committed data lives, so every caller reads the same files."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
UNITS_DIR = DATA_DIR / "units"
PROVINCES_WEB = DATA_DIR / "provinces.web.geojson"
UNITS = DATA_DIR / "units.csv"
CITIES = DATA_DIR / "cities.csv"
ZONES = DATA_DIR / "zones.csv"
GROUPS = DATA_DIR / "groups.csv"
GAZETTEER = DATA_DIR / "gazetteer.csv"
PLANS_DIR = DATA_DIR / "plans"
PLANS_INDEX = PLANS_DIR / "plans.csv"
ROLES = DATA_DIR / "roles.csv"
PLAN_SECTIONS = DATA_DIR / "plan_sections.csv"
CLUSTERS = DATA_DIR / "clusters.csv"
