"""Reading articles: files and folders -> cleaned ``Article`` values."""

from kg.read.clean import clean_text
from kg.read.files import DEFAULT_MAX_BYTES, find_inputs, make_article, read_file, read_paths

__all__ = [
    "DEFAULT_MAX_BYTES",
    "clean_text",
    "find_inputs",
    "make_article",
    "read_file",
    "read_paths",
]
