"""Load and crash tests of the whole platform, as it is deployed: gunicorn workers, the
`gongkai worker` task runner and the database, each a real process, driven over loopback by
a bounded asyncio client (httpx) and checked afterwards with plain SQL.

    stack.py    the processes: migrate and seed a fresh database, start and kill -9 gunicorn
                and the worker, restart PostgreSQL (pg_ctl -m immediate)
    seed.py     what the users need: the demo county's agencies, staff who decide cases,
                a synthetic catalogue (imported, so that some 索引号 are old ones), open cases
    users.py    the three kinds of user: the public browsing and searching, applicants
                submitting through the JSON API and the web form, staff deciding cases and
                publishing entries
    stats.py    latencies per kind of request (p50/p95/p99), errors, throughput
    verify.py   after the run: every acknowledged submission stored once with its history, no
                case half-changed, case numbers and 索引号 without gaps or repeats, no task lost
    scenarios.py  the load run and the crash runs, as used by bench_reliability.py and by
                tests/reliability (in a reduced form)
"""
