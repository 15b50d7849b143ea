"""Page weight: each page type, first visit with an empty cache, at most 100 KB on the wire, and
nothing fetched from another host (no CDN, no fonts, no analytics).

Sizes are what the live server sent (headers and body). It does not compress, so these are upper
bounds of what gunicorn behind whitenoise and a compressing proxy send.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import LANGUAGES, PAGE_WEIGHTS
from tests.browser.pages import PAGE_TYPES

BUDGET = 100 * 1024


class Transfer:
    """Every request a tab makes: bytes received from the server, and requests to other hosts."""

    def __init__(self, page, server):
        self.origin = urlsplit(server).netloc
        self.sizes = {}
        self.foreign = []
        page.context.route("**/*", self._only_our_host)
        page.on("requestfinished", self._count)

    def _only_our_host(self, route):
        url = route.request.url
        if urlsplit(url).netloc != self.origin:
            self.foreign.append(url)
            route.abort()
        else:
            route.continue_()

    def _count(self, request):
        sizes = request.sizes()
        key = f"{request.method} {request.url}"
        self.sizes[key] = sizes["responseHeadersSize"] + sizes["responseBodySize"]

    @property
    def total(self):
        return sum(self.sizes.values())

    def breakdown(self):
        rows = sorted(self.sizes.items(), key=lambda row: -row[1])
        return "\n".join(f"    {size:>8} B  {request}" for request, size in rows)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_first_load_is_under_100_kb_from_our_host_only(
    page, server, demo_data, open_page_type, page_type, language
):
    transfer = Transfer(page, server)
    url = open_page_type(page, page_type, language)
    page.wait_for_load_state("networkidle")
    assert not transfer.foreign, f"{url} fetched from another host: {transfer.foreign}"
    assert transfer.sizes, f"no request was counted for {url}"
    assert transfer.total <= BUDGET, (
        f"{url} weighs {transfer.total} B (budget {BUDGET} B):\n{transfer.breakdown()}"
    )
    PAGE_WEIGHTS[page_type.id, language] = transfer.total
