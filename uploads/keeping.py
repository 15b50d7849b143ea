"""Keeping storage and rows in step: deleting an upload deletes its files, and what nothing
refers to any more is deleted (by `cleanup`, daily, and at account deletion)."""

from django.db import transaction

from uploads.models import Upload


def delete_stored(names, storage):
    for name in names:
        if name:
            storage.delete(name)


def discard(upload):
    """Deletes the row and, once the transaction commits, its file and preview."""
    names = [upload.file.name, upload.preview.name]
    storage = upload.file.storage
    upload.delete()
    transaction.on_commit(lambda: delete_stored(names, storage))


def orphans():
    """Uploads nothing refers to: no row of any model with a foreign key to Upload (practices'
    resources, adaptations' files) points at them."""
    queryset = Upload.objects.all()
    for relation in Upload._meta.related_objects:
        queryset = queryset.filter(**{f"{relation.name}__isnull": True})
    return queryset


def discard_orphans(queryset=None):
    """Discards the uploads of `queryset` (all uploads by default) that nothing refers to;
    returns how many."""
    candidates = orphans()
    if queryset is not None:
        candidates = candidates.filter(pk__in=queryset.values("pk"))
    count = 0
    for upload in candidates:
        discard(upload)
        count += 1
    return count


def uploaded_by(user):
    """The ids of the person's uploads: account deletion discards those that nothing refers to
    once the account (and its drafts, with their resources) is gone; the others (a published
    practice's resources) stay, uploaded by "a former member"."""
    return list(Upload.objects.filter(uploader=user).values_list("pk", flat=True))


STORED_FOLDERS = ("uploads", "previews")


def stored_names(storage, folder):
    """Every file under `folder` of the storage, recursively."""
    if not storage.exists(folder) and not hasattr(storage, "bucket_name"):
        return
    folders, names = storage.listdir(folder)
    for name in names:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from stored_names(storage, f"{folder}/{sub}")


def cleanup(cutoff):
    """Discards orphan uploads made before `cutoff`, then deletes the stored files no row
    names, last changed before it. Returns (rows, files) deleted."""
    rows = 0
    for upload in orphans().filter(created_at__lt=cutoff).iterator():
        discard(upload)
        rows += 1
    storage = Upload._meta.get_field("file").storage
    known = set(Upload.objects.values_list("file", flat=True))
    known |= set(Upload.objects.values_list("preview", flat=True))
    stray = 0
    for folder in STORED_FOLDERS:
        for name in list(stored_names(storage, folder)):
            if name not in known and storage.get_modified_time(name) < cutoff:
                storage.delete(name)
                stray += 1
    return rows, stray
