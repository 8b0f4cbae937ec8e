"""Images at print resolution: each evidence image decoded and, if needed, downscaled once per job."""

from pathlib import Path

import pillow_heif
from PIL import Image, ImageOps

from records.digests import sha256_hex

PRINT_DPI = 300
MAX_WIDTH_MM = 174  # the pack's text width
MAX_HEIGHT_MM = 150  # leaves room for the item's header on the same page
_MM_PER_INCH = 25.4

pillow_heif.register_heif_opener()  # HEIC photos from phones open like any other image


def max_pixels() -> tuple[int, int]:
    return (round(MAX_WIDTH_MM / _MM_PER_INCH * PRINT_DPI), round(MAX_HEIGHT_MM / _MM_PER_INCH * PRINT_DPI))


class ImageCache:
    """One per job: decoded, print-sized copies of evidence images, keyed by the source file's SHA-256."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.paths: dict[str, Path] = {}
        self.sizes: dict[str, tuple[int, int]] = {}

    def prepare(self, key: str, source: Path) -> tuple[int, int]:
        """Return the printed image's pixel size; raise if the image cannot be decoded."""
        if key in self.paths:
            return self.sizes[key]
        with Image.open(source) as image:
            image_format = image.format
            width_limit, height_limit = max_pixels()
            orientation = image.getexif().get(0x0112, 1)
            rotated = orientation != 1
            width, height = (image.height, image.width) if orientation in (5, 6, 7, 8) else image.size
            needs_resize = width > width_limit or height > height_limit
            passthrough = image_format in ("JPEG", "PNG") and not needs_resize and not rotated
            target = self.directory / sha256_hex(key.encode())[:16]
            if passthrough:
                size = (image.width, image.height)
                # Decoding at 1/8 scale reads the whole stream, so a corrupt file fails here, cheaply.
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
                target = source
            else:
                oriented = ImageOps.exif_transpose(image)
                if needs_resize:
                    oriented.thumbnail((width_limit, height_limit), Image.Resampling.LANCZOS)
                if oriented.mode in ("RGBA", "LA", "P"):
                    oriented.convert("RGBA").save(target, "PNG", optimize=False)
                else:
                    oriented.convert("RGB").save(target, "JPEG", quality=88)
                size = (oriented.width, oriented.height)
        self.paths[key] = target
        self.sizes[key] = size
        return size
