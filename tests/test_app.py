"""The real app, started from its factory."""
from web import create_app


def test_home_lists_cities():
    client = create_app().test_client()
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    for city in ("深圳市", "重庆市", "上海市"):
        assert city in html
