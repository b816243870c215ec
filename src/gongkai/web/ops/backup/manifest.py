"""A backup's manifest: what it holds, from which database and version, and the SHA-256 of
every file, checked before anything is restored."""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = "gongkai-backup/1"
NAME = "manifest.json"
CHUNK = 1 << 20


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why and what to do."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def files_under(root: Path) -> list[Path]:
    """Every regular file below `root`, as paths relative to it, in a stable order."""
    return sorted(path.relative_to(root) for path in root.rglob("*") if path.is_file())


@dataclass
class Manifest:
    vendor: str  # "sqlite" or "postgresql"
    database_file: str
    version: str
    created_at: str
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256

    def write(self, root: Path) -> None:
        text = json.dumps(
            {
                "format": FORMAT,
                "database": {"vendor": self.vendor, "file": self.database_file},
                "version": self.version,
                "created_at": self.created_at,
                "files": self.files,
            },
            ensure_ascii=False,
            indent=2,
        )
        (root / NAME).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def read(cls, root: Path) -> "Manifest":
        try:
            data = json.loads((root / NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise BackupError(
                f"{root}: 没有可读的 {NAME} / no readable manifest ({error})"
            ) from None
        if data.get("format") != FORMAT:
            raise BackupError(f"{root}: 不是 {FORMAT} 格式的备份 / not a {FORMAT} backup")
        database = data["database"]
        return cls(database["vendor"], database["file"], data["version"], data["created_at"],
                   data["files"])  # fmt: skip

    def record_files(self, root: Path) -> None:
        self.files = {str(path): sha256_of(root / path) for path in files_under(root)
                      if str(path) != NAME}  # fmt: skip

    def verify(self, root: Path) -> None:
        """Raise BackupError naming every file that is missing, altered or not listed."""
        present = {str(path) for path in files_under(root)} - {NAME}
        problems = [f"缺少 / missing: {name}" for name in sorted(set(self.files) - present)]
        problems += [f"未列出 / not listed: {name}" for name in sorted(present - set(self.files))]
        problems += [
            f"校验和不符 / checksum differs: {name}"
            for name in sorted(set(self.files) & present)
            if sha256_of(root / name) != self.files[name]
        ]
        if problems:
            listed = "\n  ".join(problems)
            raise BackupError(f"{root}: 备份不完整或已被改动 / damaged backup:\n  {listed}")
