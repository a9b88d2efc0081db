def test_healthz_answers_ok_without_a_login(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200 and response.content == b"ok"
