"""Site profiles on the web: /api/site, which origins may call, scoped admin tokens, the
versioned widget address."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

ALFA = "https://www.alfa-reintegratie.nl"
BETA = "http://localhost:8123"
ADMIN = "the-operator-token-of-all-sites"
ALFA_TOKEN = "alfa-operator-token-0001"
SITES = f"""sites:
  - key: alfa
    origin: {ALFA}
    title: {{nl: "Vragen aan Alfa?", en: "Questions for Alfa?"}}
    greeting: {{nl: Welkom bij Alfa., en: Welcome to Alfa.}}
    colour: "#7c2d12"
    language: nl
    audience: werkgever
    contact_url: https://www.alfa-reintegratie.nl/contact
    handoff: {{offered: true, email: adviseur@alfa-reintegratie.nl}}
    admin_token: {ALFA_TOKEN}
  - key: beta
    origin: {BETA}
    handoff: {{offered: false}}
"""


@pytest.fixture
def client(make_app, tmp_path):
    path = tmp_path / "sites.yaml"
    path.write_text(SITES, encoding="utf-8")
    with TestClient(make_app(sites=path, admin_token=ADMIN)) as client:
        yield client


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_api_site_gives_the_profile_of_the_pages_origin_and_nothing_secret(client):
    body = client.get("/api/site", headers={"Origin": ALFA}).json()
    site = body["site"]
    assert site["title"] == {"nl": "Vragen aan Alfa?", "en": "Questions for Alfa?"}
    assert (site["colour"], site["language"], site["audience"]) == ("#7c2d12", "nl", "werkgever")
    assert site["contact_url"] == "https://www.alfa-reintegratie.nl/contact"
    assert site["handoff"] is True
    assert "adviseur@" not in str(body) and ALFA_TOKEN not in str(body)
    assert client.get("/api/site", headers={"Origin": BETA}).json()["site"]["handoff"] is False
    assert client.get("/api/site").json()["site"] is None  # the server's own pages


def test_an_origin_with_a_profile_may_call_the_api_and_an_origin_without_one_is_refused(client):
    ok = client.post("/api/feedback", json={"rating": "up", "source": "widget"},
                     headers={"Origin": BETA})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == BETA
    preflight = client.options("/api/chat/stream", headers={
        "Origin": ALFA, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == ALFA
    refused = client.post("/api/feedback", json={"rating": "up"},
                          headers={"Origin": "https://www.gamma.nl", "Accept-Language": "en"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "origin_not_allowed"


def test_a_site_admin_token_sees_its_own_site_and_gets_403_on_another(client):
    me = client.get("/api/admin/me", headers=_bearer(ALFA_TOKEN)).json()
    assert me == {"site": "alfa", "via": "token"}
    listed = client.get("/api/admin/sites", headers=_bearer(ALFA_TOKEN)).json()["sites"]
    assert [s["key"] for s in listed] == ["alfa"]
    own = client.get("/api/admin/sites/alfa", headers=_bearer(ALFA_TOKEN))
    assert own.status_code == 200
    assert own.json()["handoff_targets"]["email"] == ["adviseur@alfa-reintegratie.nl"]
    other = client.get("/api/admin/sites/beta",
                       headers={**_bearer(ALFA_TOKEN), "Accept-Language": "nl"})
    assert other.status_code == 403
    assert other.json()["error"] == {
        "code": "forbidden_site",
        "message": "U beheert alleen uw eigen site; de gegevens van deze site kunt u niet zien."}
    assert client.get("/api/admin/sites/beta", headers=_bearer(ADMIN)).status_code == 200
    everything = client.get("/api/admin/sites", headers=_bearer(ADMIN)).json()["sites"]
    assert [s["key"] for s in everything] == ["alfa", "beta"]
    assert client.get("/api/admin/sites", headers=_bearer(ALFA_TOKEN + "x")).status_code == 401
    assert client.get("/api/admin/sites/nope", headers=_bearer(ADMIN)).status_code == 404


def test_check_site_accepts_the_sites_key_and_origins_only():
    from assistant.web.admin.auth import Admin, check_site
    from assistant.web.errors import ApiError

    alfa = Admin(site="alfa", origins=(ALFA,))
    check_site(alfa, "alfa")
    check_site(alfa, ALFA)
    check_site(alfa, None)  # no site asked for: the caller filters by `alfa.scope`
    assert alfa.scope == ("alfa", ALFA) and Admin().scope is None
    for other in ("beta", BETA):
        with pytest.raises(ApiError) as caught:
            check_site(alfa, other)
        assert caught.value.status == 403 and caught.value.code == "forbidden_site"
    check_site(Admin(), "beta")


def test_the_versioned_widget_address_is_cached_long_and_the_plain_one_still_works(client):
    plain = client.get("/widget.js")
    version = plain.headers["x-widget-version"]
    assert plain.status_code == 200 and plain.headers["cache-control"] == "public, max-age=300"
    assert client.get("/api/site").json()["script"] == f"/widget.js?v={version}"
    pinned = client.get(f"/widget.js?v={version}")
    assert pinned.content == plain.content
    assert pinned.headers["cache-control"] == "public, max-age=31536000, immutable"
    stale = client.get("/widget.js?v=000000000000")
    assert stale.content == plain.content
    assert stale.headers["cache-control"] == "public, max-age=300"
    v1 = client.get("/widget.v1.js")
    assert v1.content == plain.content and "max-age=86400" in v1.headers["cache-control"]
    assert v1.headers["content-security-policy"].startswith("default-src 'none'")
    assert v1.headers["content-type"].startswith("text/javascript")
