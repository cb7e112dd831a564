"""Conditional GETs of prepared resources are answered by PreparedFront without entering Flask, yet exactly as
Flask answers them: same headers, the current data version asked of the store on every request, a 503 while
the database is unreachable, and an old ETag gets the new bytes after a change through another process."""
from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest
from flask import Flask

from geo.store.base import StoreUnavailable
from geo.store.review import Reviewer
from web import create_app

PATHS = ["/api/v1/layers/shenzhen/smart-terminals.geojson", "/api/v1/districts.geojson?city=chongqing",
         "/api/v1/roles.csv?city=shenzhen", "/api/v1/map/shenzhen/smart-terminals.json",
         "/ogc/collections/shenzhen-units/items?limit=3"]
ROLES = "/api/v1/roles.csv?city=shenzhen"


def count_flask(app: Flask) -> list[str]:
    """Paths of the requests PreparedFront passes on to Flask, from now on."""
    front = app.wsgi_app
    flask_app = front.wsgi_app  # type: ignore[attr-defined]
    entered: list[str] = []

    def counting(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        entered.append(environ["PATH_INFO"])
        return flask_app(environ, start_response)

    front.wsgi_app = counting  # type: ignore[attr-defined]
    return entered


@pytest.fixture()
def fresh_app(atlas_url: str) -> Iterator[Flask]:
    """An app of its own over the shared data, so no other test has taught its PreparedFront anything."""
    yield create_app({"DATABASE_URL": atlas_url})


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("encoding", ["br", "identity"])
def test_a_revalidation_alone_is_answered_without_flask_with_the_headers_flask_gives(fresh_app, path, encoding):
    """A client (or CDN) that only ever revalidates never gets a 200 here: the 304 Flask made is learnt."""
    client = fresh_app.test_client()
    etag = client.get(path, headers={"Accept-Encoding": encoding}).headers["ETag"]
    other = create_app({"DATABASE_URL": fresh_app.config["DATABASE_URL"]}).test_client()  # has seen no 200
    entered = count_flask(other.application)
    conditional = {"Accept-Encoding": encoding, "If-None-Match": etag}
    by_flask, by_front, weak = (other.get(path, headers=h) for h in (conditional, conditional,
                                                                    {**conditional, "If-None-Match": f"W/{etag}"}))
    assert entered == [path.split("?")[0]]
    for r in (by_flask, by_front, weak):
        assert r.status_code == 304 and r.data == b"" and r.headers["ETag"] == etag
        assert dict(r.headers) == dict(by_flask.headers)
    assert "public" in by_front.headers["Cache-Control"] and "max-age=" in by_front.headers["Cache-Control"]
    assert "Content-Type" not in by_front.headers and "Content-Length" not in by_front.headers
    if encoding == "br" and "/ogc/" not in path:
        assert by_front.headers["Vary"] == "Accept-Encoding"
    if path.startswith("/api/v1/"):
        assert by_front.headers["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in by_front.headers["Access-Control-Expose-Headers"]


@pytest.mark.parametrize("path", PATHS)
def test_a_304_after_a_200_carries_what_flask_would_answer(fresh_app, path):
    """The 304 PreparedFront derives from a replayed 200 equals the one Flask itself makes."""
    client = fresh_app.test_client()
    first = client.get(path, headers={"Accept-Encoding": "br"})
    entered = count_flask(fresh_app)
    by_front = client.get(path, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert by_front.status_code == 304 and entered == []
    flask_only = create_app({"DATABASE_URL": fresh_app.config["DATABASE_URL"]})
    flask_only.wsgi_app = flask_only.wsgi_app.wsgi_app  # type: ignore[attr-defined]  # no PreparedFront
    by_flask = flask_only.test_client().get(path, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert by_flask.status_code == 304 and dict(by_front.headers) == dict(by_flask.headers)


def test_the_fast_304_asks_the_store_for_the_version_once(fresh_app, monkeypatch):
    store = fresh_app.extensions["atlas.store"]
    client = fresh_app.test_client()
    etag = client.get(ROLES).headers["ETag"]
    client.get(ROLES, headers={"If-None-Match": etag})
    asked: list[str] = []
    refresh = store.refresh
    monkeypatch.setattr(store, "refresh", lambda: asked.append("v") or refresh())
    entered = count_flask(fresh_app)
    for n in range(1, 4):
        assert client.get(ROLES, headers={"If-None-Match": etag}).status_code == 304
        assert len(asked) == n and entered == []


def test_other_validators_are_left_to_flask(fresh_app):
    client = fresh_app.test_client()
    first = client.get(ROLES)
    client.get(ROLES, headers={"If-None-Match": first.headers["ETag"]})
    entered = count_flask(fresh_app)
    stale = client.get(ROLES, headers={"If-None-Match": '"not-this-one"'})
    assert stale.status_code == 200 and stale.data == first.data and entered == ["/api/v1/roles.csv"]
    assert client.get(ROLES, headers={"If-None-Match": "*"}).status_code == 304
    assert len(entered) == 2


def test_an_unreachable_database_gives_503_not_a_remembered_304(fresh_app, monkeypatch):
    store = fresh_app.extensions["atlas.store"]
    client = fresh_app.test_client()
    etag = client.get(ROLES).headers["ETag"]
    assert client.get(ROLES, headers={"If-None-Match": etag}).status_code == 304

    def down() -> str:
        raise StoreUnavailable("database unavailable")

    monkeypatch.setattr(store, "refresh", down)
    r = client.get(ROLES, headers={"If-None-Match": etag})
    assert r.status_code == 503 and r.headers["Retry-After"] == "5" and "ETag" not in r.headers
    monkeypatch.undo()
    assert client.get(ROLES, headers={"If-None-Match": etag}).status_code == 304


def test_a_change_through_one_app_turns_the_others_fast_304_into_the_new_200(database_url):
    """The other app has learnt the 304; after an edit committed through the first, its next request with
    the old ETag gets the edited bytes and a new ETag, which it then answers with 304 without Flask."""
    url = database_url("fast304")
    one, other = create_app({"DATABASE_URL": url}), create_app({"DATABASE_URL": url})
    client = other.test_client()
    before = client.get(ROLES)
    old = {"If-None-Match": before.headers["ETag"]}
    assert [client.get(ROLES, headers=old).status_code for _ in range(2)] == [304, 304]
    st = one.extensions["atlas.store"]
    nanshan = next(r for r in st.roles("深圳市") if r.district_id == "shenzhen-nanshan" and r.role == "源头创新+高端制造区")
    Reviewer(st, "planner").review(nanshan.role_id, "edit", {"role": "源头创新区"})
    after = client.get(ROLES, headers=old)
    assert after.status_code == 200 and after.headers["ETag"] != before.headers["ETag"]
    assert "源头创新+高端制造区" in before.get_data(as_text=True) and after.data != before.data
    assert after.headers["ETag"] == one.test_client().get(ROLES).headers["ETag"]
    client.get(ROLES, headers={"If-None-Match": after.headers["ETag"]})
    entered = count_flask(other)
    assert client.get(ROLES, headers={"If-None-Match": after.headers["ETag"]}).status_code == 304 and entered == []
    assert client.get(ROLES, headers=old).status_code == 200 and entered == ["/api/v1/roles.csv"]
