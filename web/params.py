"""Query parameters shared by pages and API, validated once: bad values are a 400 that says why."""
from __future__ import annotations

from dataclasses import dataclass

from flask import abort, g, request

from geo.store.layers import FUNCTION_ALIASES, FUNCTION_FILTERS
from web.i18n import LANGS

BASEMAPS = ("none", "osm", "gaode")
CRS = ("wgs84", "gcj02")


@dataclass(frozen=True)
class ViewParams:
    lang: str
    basemap: str
    function: str  # all | rd | manufacturing

    @property
    def function_zh(self) -> str | None:
        return FUNCTION_FILTERS[self.function]

    def query(self, **override: str) -> dict[str, str]:
        """Non-default values only, so shared URLs stay short."""
        values = {"lang": self.lang, "basemap": self.basemap, "function": self.function, **override}
        defaults = {"lang": "zh", "basemap": "none", "function": "all"}
        return {k: v for k, v in values.items() if v != defaults.get(k)}


def _choice(name: str, allowed: tuple[str, ...], default: str, aliases: dict[str, str] | None = None) -> str:
    value = request.args.get(name, default)
    value = (aliases or {}).get(value, value)
    if value not in allowed:
        abort(400, description=f"parameter '{name}' must be one of {', '.join(allowed)}; got '{value}'")
    return value


def view_params() -> ViewParams:
    return ViewParams(
        lang=_choice("lang", LANGS, "zh"),
        basemap=_choice("basemap", BASEMAPS, "none"),
        function=_choice("function", tuple(FUNCTION_FILTERS), "all", FUNCTION_ALIASES),
    )


def crs_param() -> str:
    return _choice("crs", CRS, "wgs84")


def load_view_params() -> None:
    """before_request for page blueprints: validated parameters and the UI language on `g`."""
    g.params = view_params()
    g.lang = g.params.lang
