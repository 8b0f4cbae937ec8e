"""SHA-256, the one way Attest fingerprints a file, a page's bytes or a record: lower-case hex, read in chunks."""

import hashlib
from collections.abc import Iterable
from typing import BinaryIO

CHUNK_BYTES = 1024 * 1024


def sha256_hex(data: bytes | Iterable[bytes]) -> str:
    """The SHA-256 of some bytes, or of a sequence of byte chunks taken in order."""
    digest = hashlib.sha256()
    for chunk in [data] if isinstance(data, bytes | bytearray) else data:
        digest.update(chunk)
    return digest.hexdigest()


def sha256_of_file(f: BinaryIO) -> str:
    """Hash an open file from its start by reading chunks, so a file of any size is never held whole in memory;
    the file is left at its start again."""
    f.seek(0)
    digest = sha256_hex(iter(lambda: f.read(CHUNK_BYTES), b""))
    f.seek(0)
    return digest
