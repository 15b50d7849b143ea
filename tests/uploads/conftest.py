import pytest
from django.core.files.storage import FileSystemStorage


@pytest.fixture(autouse=True)
def media(settings, tmp_path, request):
    """Each test stores its files in a folder of its own; the folder is the storage to inspect.
    Only the tests marked `clamav` scan: the others see the quickstart's "waiting for scan"."""
    if not request.node.get_closest_marker("clamav"):
        settings.CLAMD_URL = None
    folder = tmp_path / "media"
    folder.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }
    return folder


def stored_files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def storage(media):
    return FileSystemStorage(location=str(media))
