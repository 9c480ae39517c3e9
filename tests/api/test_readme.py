"""The README's example calls keep working."""

import re
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from app.config import PROJECT_ROOT


def test_every_curl_in_the_readme_answers(client: TestClient) -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    urls = re.findall(r"^curl '?(http://127\.0\.0\.1:8000[^' ]+)'?", readme, re.MULTILINE)
    assert len(urls) >= 12
    for url in urls:
        parts = urlsplit(url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, (url, response.text)
