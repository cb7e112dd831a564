"""Human-facing pages."""
from __future__ import annotations

from flask import Blueprint, render_template

from geo.units import load_cities

bp = Blueprint("pages", __name__)


@bp.get("/")
def home() -> str:
    return render_template("home.html", cities=load_cities())
