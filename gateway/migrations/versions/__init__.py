"""Migration revisions, one file each, named `<number>_<slug>.py`."""
