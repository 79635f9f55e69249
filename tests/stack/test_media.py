"""An image uploaded in the admin lands in the object store and is served from its URL."""

from __future__ import annotations

import io
import re

import boto3
import pytest
import requests
from PIL import Image

pytestmark = [pytest.mark.product, pytest.mark.backend_independent]


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_image_uploaded_in_the_admin_is_stored_in_s3_and_served_from_it(stack, admin_session):
    content = png_bytes()
    form = admin_session.get(f"{stack.url}/admin/images/add/", timeout=30)
    assert form.status_code == 200
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', form.text)
    response = admin_session.post(
        f"{stack.url}/admin/images/add/",
        data={
            "title": "Stack upload",
            "alt_text": "Sininen suorakulmio",
            "collection": collection.group(1) if collection else "1",
            "csrfmiddlewaretoken": admin_session.cookies["csrftoken"],
        },
        files={"file": ("stack-upload.png", content, "image/png")},
        headers={"Referer": f"{stack.url}/admin/images/add/"},
        allow_redirects=False,
        timeout=60,
    )
    stack.count("uploads")
    assert response.status_code == 302, response.text[:2000]

    image = stack.shell(
        "import json\n"
        "from wagtail.images import get_image_model\n"
        "image = get_image_model().objects.get(title='Stack upload')\n"
        "print(json.dumps({'name': image.file.name, 'url': image.file.url}))"
    )
    store = stack.state["object_store"]
    s3 = boto3.client(
        "s3",
        endpoint_url=store["endpoint"],
        region_name="us-east-1",
        aws_access_key_id="stack",
        aws_secret_access_key="stack-secret",
    )
    stored = s3.get_object(Bucket=store["bucket"], Key=image["name"])["Body"].read()
    assert stored == content
    assert image["url"].startswith(store["endpoint"] + "/" + store["bucket"] + "/")
    served = requests.get(image["url"], timeout=30)
    assert served.status_code == 200
    assert served.content == content
    # Nothing of it was written to the app servers' disks.
    assert not list((stack.log_dir.parent / "media").rglob("stack-upload*"))
