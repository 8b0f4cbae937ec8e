"""Images: refuse damaged files and decompression bombs, measure them and make thumbnails."""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from portfolios.uploads.sniffing import FileRefused

THUMBNAIL_SIZE = (480, 480)
_registered = False


def _register_heif() -> None:
    global _registered
    if not _registered:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _registered = True


@dataclass(frozen=True)
class ImageFacts:
    width: int
    height: int
    thumbnail: bytes  # JPEG


_DAMAGED = "This image is damaged or incomplete; take or export it again and upload the new copy."
# Where a complete file's end marker must appear; checked directly because another library
# (WeasyPrint) may switch on Pillow's process-wide LOAD_TRUNCATED_IMAGES.
_END_MARKERS = {"png": (b"IEND", 64), "jpeg": (b"\xff\xd9", 64 * 1024)}


def _check_complete(f, type_key: str) -> None:
    marker = _END_MARKERS.get(type_key)
    if marker is None:
        return
    needle, window = marker
    f.seek(0, 2)
    size = f.tell()
    f.seek(max(0, size - window))
    tail = f.read()
    f.seek(0)
    if needle not in tail:
        raise FileRefused(_DAMAGED)


def inspect_image(f, type_key: str = "") -> ImageFacts:
    """Decode the whole image once (which finds damage) and return its size and a JPEG thumbnail."""
    _register_heif()
    _check_complete(f, type_key)
    f.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(f) as image:
                width, height = image.size
                if width * height > (Image.MAX_IMAGE_PIXELS or 0) > 0:
                    raise Image.DecompressionBombError("too many pixels")
                image.load()
                thumb = image.convert("RGB")
                thumb.thumbnail(THUMBNAIL_SIZE)
                out = io.BytesIO()
                thumb.save(out, "JPEG", quality=80)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FileRefused(
            "This image has too many pixels to process safely; resize it to under "
            f"{(Image.MAX_IMAGE_PIXELS or 0) // 1_000_000} megapixels and upload it again."
        )
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise FileRefused(_DAMAGED)
    finally:
        f.seek(0)
    return ImageFacts(width=width, height=height, thumbnail=out.getvalue())
