"""Static files for production: collected once into <data dir>/static under hashed names,
compressed (gzip and Brotli) ahead of time, and served by WhiteNoise with a year's caching.

Collecting compresses every file, which took 75 s on the 2-core machine with WhiteNoise's
defaults (both the plain and the hashed copy of each file, source maps included, Brotli at
its slowest level); here only the hashed copies are kept and compressed, source maps (read
by developer tools only) are not, and Brotli runs at level 9 (within a few per cent of 11).
`collect_static()` runs at every production start but does the work only when the files,
or the platform's version, changed since the last time.
"""

import hashlib
from pathlib import Path

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

from gongkai import __version__

STAMP = ".collected"
BROTLI_QUALITY = 9


class FasterCompressor(Compressor):
    @staticmethod
    def compress_brotli(data: bytes) -> bytes:
        import brotli

        return brotli.compress(data, quality=BROTLI_QUALITY)


class CollectedStaticStorage(CompressedManifestStaticFilesStorage):
    keep_only_hashed_files = True

    def create_compressor(self, **kwargs) -> Compressor:
        skipped = kwargs.pop("extensions", None) or Compressor.SKIP_COMPRESS_EXTENSIONS
        extensions = (*skipped, "map")
        return FasterCompressor(extensions=extensions, **kwargs)


def sources_fingerprint() -> str:
    """A digest of every static file the finders see (name, size, time) and the version."""
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256(__version__.encode())
    for finder in get_finders():
        for name, storage in sorted(finder.list([]), key=lambda item: item[0]):
            info = Path(storage.path(name)).stat()
            digest.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def collect_static() -> bool:
    """Collect the static files unless they are as collected last time; True if it did."""
    from django.conf import settings
    from django.core.management import call_command

    stamp = Path(settings.STATIC_ROOT) / STAMP
    fingerprint = sources_fingerprint()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return False
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint)
    return True
