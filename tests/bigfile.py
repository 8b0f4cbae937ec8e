"""Test and benchmark helper: build a large multipart upload on disk, chunk by chunk, never whole in memory."""

import struct
from pathlib import Path

BOUNDARY = "AttestStreamingBoundary7f3a"
_CHUNK = 4 * 1024 * 1024


def wav_header(data_bytes: int, rate: int = 8000) -> bytes:
    """A PCM WAV header for `data_bytes` bytes of 16-bit mono samples."""
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVE"
        + b"fmt "
        + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


def write_multipart_wav(
    path: Path, *, size: int, fields: dict[str, str], file_field: str = "files", filename: str = "long-recording.wav"
) -> int:
    """Write a multipart/form-data body holding one WAV file of about `size` bytes; return the body's length."""
    data_bytes = size - 44
    with open(path, "wb") as out:
        for name, value in fields.items():
            out.write(f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        out.write(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
            "Content-Type: audio/wav\r\n\r\n".encode()
        )
        out.write(wav_header(data_bytes))
        zeros = b"\x00" * _CHUNK
        remaining = data_bytes
        while remaining > 0:
            out.write(zeros[: min(_CHUNK, remaining)])
            remaining -= _CHUNK
        out.write(f"\r\n--{BOUNDARY}--\r\n".encode())
        return out.tell()


def wsgi_environ(*, path: str, body, length: int, cookie: str) -> dict:
    """A WSGI environ that streams the request body from an open file, as a real server would."""
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(length),
        "HTTP_COOKIE": cookie,
        "HTTP_X_REQUESTED_WITH": "XMLHttpRequest",
        "wsgi.input": body,
        "wsgi.url_scheme": "http",
        "wsgi.errors": None,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
