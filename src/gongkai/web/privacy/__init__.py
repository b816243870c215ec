"""个人信息保护: how long applicants' personal data is kept (retention.py, data), the daily job
that masks or deletes what may no longer be kept (purge.py), the record of staff looking at
it (access.py), and an applicant's data exported on request (export.py)."""
