"""`gongkai backup` and `gongkai restore`: a thin shell over gongkai.web.ops.backup."""

import os
from pathlib import Path

import click


def setup_django() -> None:
    from gongkai.cli import setup_django as setup

    setup()


@click.command()
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def backup(dest: Path) -> None:
    """Back up the database, the uploaded files and letters, and the secret key into DEST (a
    new directory), with a manifest of checksums. Safe while the platform runs."""
    setup_django()
    from gongkai.web.ops.backup import BackupError, create_backup

    try:
        manifest = create_backup(dest)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"备份完成 / backed up: {dest} ({manifest.vendor}, {len(manifest.files)} 个文件 / files)"
    )


@click.command()
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
def restore(source: Path) -> None:
    """Restore the backup SOURCE into the empty data directory that GONGKAI_DATA_DIR names
    (and, for PostgreSQL, the empty database that DATABASE_URL names). Refuses a non-empty
    one and a backup whose checksums do not match."""
    from gongkai.web.ops.backup import BackupError, prepare_restore, restore_backup

    if not os.environ.get("GONGKAI_DATA_DIR"):
        raise click.ClickException(
            "请用 GONGKAI_DATA_DIR 指定要恢复到的空数据目录 / set GONGKAI_DATA_DIR to the empty "
            "data directory to restore into"
        )
    try:
        manifest = prepare_restore(source, Path(os.environ["GONGKAI_DATA_DIR"]))
        setup_django()
        files = restore_backup(source, manifest)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"恢复完成 / restored: {manifest.vendor} 数据库（{manifest.created_at}，版本 "
        f"{manifest.version}）和 {files} 个上传文件 / uploaded files.\n"
        "下一步 / next: gongkai migrate（程序较新时 / if this release is newer），然后启动服务 / "
        "then start the server and the worker."
    )
