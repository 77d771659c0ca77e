"""The API's article objects carry the input record's own id (issue 16)."""

from __future__ import annotations

TEXT = (
    "Rescue teams reached the flooded town of Riverton on Monday after the river burst "
    "its banks. Officials said about 2,000 residents had left their homes."
)


def test_api_article_objects_carry_the_record_id(client, auth) -> None:
    response = client.post(
        "/api/articles?analyse=false", json=[{"id": "mn-185", "text": TEXT}], headers=auth
    )
    assert response.status_code == 200, response.text
    (item,) = client.get("/api/articles").json()["items"]
    assert item["record_id"] == "mn-185" and item["source"] == "request#0"
    assert client.get(f"/api/articles/{item['id']}").json()["record_id"] == "mn-185"
