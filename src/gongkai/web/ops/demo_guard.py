"""The demo's accounts share a password that the README prints: a server that others can
reach must not start while any active account still has it.

Accounts are found by their password, through the password hasher, not by their names: a
demo account renamed, or a real one given the demo password, is found too. Checking a
password costs a hash (a fraction of a second, by design), so a password hash once found not
to be the demo password is remembered in the cache by a digest of the hash; a new password
has a new salt, hence a new hash, and is checked again.
"""

import hashlib
import ipaddress
import os
from concurrent.futures import ThreadPoolExecutor

CHECKED_PREFIX = "gongkai:not-demo-password:"


class DemoPasswordInUse(Exception):
    """Refusing to serve: the message says which accounts and what to do, in both languages."""


def is_loopback(host: str) -> bool:
    """Whether `host` can only be reached from this machine (127.0.0.0/8, ::1, localhost).
    A Unix socket is not: it is how a proxy in front of the platform reaches it."""
    host = host.strip().removeprefix("[").removesuffix("]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def remembered(encoded: str) -> str:
    return CHECKED_PREFIX + hashlib.sha256(encoded.encode()).hexdigest()


def accounts_with_demo_password() -> list[str]:
    """Usernames of the active accounts whose password is the demo's."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import check_password, is_password_usable
    from django.core.cache import cache

    from gongkai.web.agencies.demo import DEMO_PASSWORD

    accounts = get_user_model().objects.filter(is_active=True).values_list("username", "password")
    usable = [(name, encoded) for name, encoded in accounts if is_password_usable(encoded)]
    known = cache.get_many([remembered(encoded) for _name, encoded in usable])
    unchecked = [(name, encoded) for name, encoded in usable if remembered(encoded) not in known]
    # Hashers release the GIL while hashing: one thread per core shortens the first check.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        # No setter: checking must never rewrite a hash (Django upgrades old ones on login).
        verdicts = list(pool.map(lambda item: check_password(DEMO_PASSWORD, item[1]), unchecked))
    cache.set_many(
        {
            remembered(encoded): True
            for (_n, encoded), demo in zip(unchecked, verdicts, strict=True)
            if not demo
        },
        timeout=None,
    )
    return sorted(name for (name, _e), demo in zip(unchecked, verdicts, strict=True) if demo)


def refuse_demo_password(hosts: list[str], production: bool) -> None:
    """Raise DemoPasswordInUse if an account has the demo password and the server can be
    reached from elsewhere: a non-loopback address, or any address in production, where a
    proxy in front makes even 127.0.0.1 public."""
    exposed = [host for host in hosts if production or not is_loopback(host)]
    if not exposed or not (names := accounts_with_demo_password()):
        return
    from gongkai.web.agencies.demo import DEMO_PASSWORD

    how = "以生产方式（--production）" if production else f"在地址 {', '.join(exposed)} 上"
    raise DemoPasswordInUse(
        f"拒绝{how}提供服务：以下有效账号仍使用 README 中公开的演示密码“{DEMO_PASSWORD}”："
        f"{', '.join(names)}。请先修改密码（gongkai manage changepassword 用户名）或停用这些账号"
        f"{'' if production else '，或只在本机地址 127.0.0.1 上运行'}。\n"
        f"Refusing to serve {'in production mode' if production else 'on ' + ', '.join(exposed)}"
        f": these active accounts still have the published demo password: {', '.join(names)}. "
        "Change their passwords (gongkai manage changepassword NAME) or deactivate them"
        f"{'' if production else ', or serve on 127.0.0.1 only'}."
    )
