"""The cache every server process shares: a database table by default, Redis with REDIS_URL.

The submission rate limit counts in the cache, so a cache private to each process (Django's
default) would give every gunicorn worker its own quota. Django's database cache increments
by reading and then writing the value with the default timeout: two processes can both read
4 and write 5, and every increment would push the key's expiry to five minutes from now
(the limit's hour would never end for a steady script, and be five minutes for a burst).
`DatabaseCache.incr` here is one transaction, locks the row, and keeps the expiry.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        name = connection.ops.quote_name
        table = name(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        # On SQLite the transaction begins IMMEDIATE (settings), which takes the write lock.
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {name('value')}, {name('expires')} FROM {table} "
                f"WHERE {name('cache_key')} = %s{lock}",
                [key],
            )
            row = cursor.fetchone()
            if row is None or expires_at(row[1], connection) < now():
                raise ValueError(f"Key '{key}' not found")
            value = decode(connection.ops.process_clob(row[0])) + delta
            cursor.execute(
                f"UPDATE {table} SET {name('value')} = %s WHERE {name('cache_key')} = %s",
                [encode(value, self.pickle_protocol), key],
            )
        return value


def expires_at(raw, connection):
    """The expiry column as an aware datetime, converted the way Django's cache reads it."""
    expression = models.Expression(output_field=models.DateTimeField())
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
        connection
    ):
        raw = converter(raw, expression, connection)
    return raw


def decode(text: str):
    return pickle.loads(base64.b64decode(text.encode(), validate=True))


def encode(value, protocol: int) -> str:
    return base64.b64encode(pickle.dumps(value, protocol)).decode("latin1")
