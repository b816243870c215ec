def pytest_configure(config):
    # The report and statute tests run without Django (-p no:django); only touch settings
    # when pytest-django is active.
    if config.pluginmanager.hasplugin("django"):
        from django.conf import settings

        # PBKDF2 is deliberately slow; the tests log people in hundreds of times.
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
