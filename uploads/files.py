"""The door of uploads: accepting, serving and deleting uploaded files (docs/uploads.md)."""
