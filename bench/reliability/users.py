"""The users of a run, each an asyncio task with its own HTTP client (cookies, connection):

- the public: home, the 目录 with and without filters, entry pages, search for common and
  rare words, the 年报 column, agency pages, tracking a case;
- applicants: alternately the JSON API (with a submission token, retried with the same
  token after a failure, as a careful client does) and the web form (its captcha answered
  from the question shown, as a person would);
- staff: log in, open the inbox, open a case, take the next step (decide, extend, consult,
  ask for a correction, close); every fifth drafts a catalogue entry and takes it through
  review and approval to publication (a new 索引号).

Think times keep each user to a person's pace; `Run.pace` scales them (0: no pauses).
"""

import asyncio
import contextlib
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import date

import httpx

from reliability.seed import application_fields
from reliability.stats import Stats

HIDDEN = re.compile(r'<input type="hidden" name="(\w+)" value="([^"]*)"')
QUESTION = re.compile(r"(\d+)\s*(?:加|plus)\s*(\d+)")
CASE_LINK = re.compile(r'href="/work/applications/(\d+)/"')
ACTION_FORM = re.compile(r'action="/work/applications/\d+/([a-z_]+)/"')
RECEIPT = re.compile(r"/apply/receipt/([A-Z0-9-]+)/")
LOGIN = "/accounts/login/"
ERROR_MESSAGE = re.compile(r'class="message-error">([^<]*)<')
STEP_DATA = {
    "decide": {"outcome": "granted", "granted_kind": "provided",
               "provided_content": "所申请的2025年度预算执行情况",
               "provision_method": "通过电子邮件发送电子版"},
    "close": {},
    "extend": {"days": "10", "note": "需调取档案，经负责人批准延期。"},
    "start_consultation": {"kind": "third_party", "party": "青山县恒达建筑工程有限公司",
                           "interest": "商业秘密"},
    "end_consultation": {"note": "第三方无异议。"},
    "request_correction": {"note": "请明确所需信息的年度。"},
    "receive_correction": {},
}  # fmt: skip
# Steps that finish what an earlier one began come first; then a decision, mostly.
FIRST_STEPS = ("receive_correction", "end_consultation", "close")
CHOICES = [("decide", 0.65), ("extend", 0.15), ("start_consultation", 0.12),
           ("request_correction", 0.08)]  # fmt: skip


@dataclass(frozen=True)
class Receipt:
    query_code: str
    token: str
    via: str  # "api" or "form"


@dataclass
class Run:
    base_url: str
    seed: dict
    stats: Stats = field(default_factory=Stats)
    pace: float = 1.0
    receipts: list[Receipt] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.base_url, timeout=90, follow_redirects=False)

    async def think(self, rng: random.Random, low: float, high: float) -> None:
        if self.pace:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), rng.uniform(low, high) * self.pace)


async def fetch(run: Run, http, kind: str, method: str, url: str, expect=(200,), **kwargs):
    """One request, timed; None when it failed (recorded as an error or, during an outage,
    as unavailable)."""
    start = time.monotonic()
    try:
        response = await http.request(method, url, **kwargs)
    except httpx.HTTPError as error:
        run.stats.failed(kind, f"{method} {url}: {type(error).__name__}")
        return None
    run.stats.took(kind, time.monotonic() - start)
    if response.status_code not in expect:
        run.stats.failed(kind, f"{method} {url}: HTTP {response.status_code}")
        return None
    return response


def public_pages(run: Run, rng: random.Random) -> list[tuple[str, str]]:
    seed, year = run.seed, date.today().year
    agency, entry = rng.choice(seed["agencies"]), rng.choice(seed["entries"])
    filtered = f"/catalog/?agency={agency}&year={rng.choice([year, year - 1])}"
    pages = [("home", "/"), ("catalogue", "/catalog/"), ("catalogue filtered", filtered),
             ("entry", f"/catalog/entries/{entry}/"), ("entry", f"/catalog/entries/{entry}/"),
             ("search common word", f"/catalog/?q={rng.choice(seed['common_words'])}"),
             ("search rare word", f"/catalog/?q={rng.choice(seed['rare_words'])}"),
             ("annual reports", "/annual-reports/"),
             ("agency", f"/agencies/{agency}/")]  # fmt: skip
    if run.receipts:
        pages.append(("track", f"/track/{rng.choice(run.receipts).query_code}/"))
    return pages


async def public_user(run: Run, n: int) -> None:
    rng = random.Random(f"public{n}")
    async with run.client() as http:
        while not run.stop.is_set():
            kind, url = rng.choice(public_pages(run, rng))
            await fetch(run, http, kind, "GET", url)
            await run.think(rng, 0.5, 2.0)


async def applicant(run: Run, n: int) -> None:
    rng = random.Random(f"applicant{n}")
    async with run.client() as http:
        for k in range(10**9):
            if run.stop.is_set():
                return
            agency = rng.choice(run.seed["agencies"])
            fields = application_fields(n * 100000 + k, f"负载{n}-")
            submit = submit_json if (k + n) % 2 == 0 else submit_form
            if receipt := await submit(run, http, agency, fields):
                run.receipts.append(receipt)
            await run.think(rng, 2.0, 5.0)


async def retried(run: Run, attempt) -> object:
    """Call attempt() until it gives an answer, as long as the run goes on: a client that
    got no answer sends the same submission again (same token), so it is stored once."""
    while True:
        result = await attempt()
        if result is not None or run.stop.is_set():
            return result
        await asyncio.sleep(0.5)


async def submit_json(run: Run, http, agency: str, fields: dict) -> Receipt | None:
    token = uuid.uuid4().hex
    body = fields | {"agency_code": agency, "submission_token": token}

    async def attempt():
        return await fetch(run, http, "submit (API)", "POST", "/api/v1/applications",
                           expect=(201,), json=body)  # fmt: skip

    response = await retried(run, attempt)
    return Receipt(response.json()["query_code"], token, "api") if response else None


async def submit_form(run: Run, http, agency: str, fields: dict) -> Receipt | None:
    url = f"/agencies/{agency}/apply/"
    page = await retried(run, lambda: fetch(run, http, "apply form", "GET", url))
    if page is None:
        return None
    hidden = dict(HIDDEN.findall(page.text))
    a, b = (int(x) for x in QUESTION.search(page.text).groups())
    data = hidden | fields | {"captcha_answer": str(a + b)}

    async def attempt():
        return await fetch(run, http, "submit (form)", "POST", url, expect=(302,), data=data)

    response = await retried(run, attempt)
    if response is None:
        return None
    code = RECEIPT.search(response.headers["location"]).group(1)
    return Receipt(code, hidden.get("submission_token", ""), "form")


async def log_in(run: Run, http, username: str, rng: random.Random) -> bool:
    """Log in as a person does: when the server answers that it is busy checking other
    passwords (429: a few password checks at a time, GONGKAI_LOGIN_SLOTS), try again in a
    moment. That answer is the throttle working, counted as refused, not as an error."""
    await retried(run, lambda: fetch(run, http, "log in", "GET", LOGIN))
    data = {"username": username, "password": run.seed["password"],
            "csrfmiddlewaretoken": http.cookies.get("csrftoken", "")}  # fmt: skip
    while not run.stop.is_set():
        response = await retried(run, lambda: fetch(run, http, "log in", "POST", LOGIN,
                                                    expect=(302, 429), data=data))  # fmt: skip
        if response is None or response.status_code == 302:
            return response is not None
        run.stats.refused["log in"].append("429 系统正忙")
        await asyncio.sleep(rng.uniform(0.5, 2.0))
    return False


async def staff_user(run: Run, n: int) -> None:
    rng = random.Random(f"staff{n}")
    username = run.seed["staff"][n % len(run.seed["staff"])]
    async with run.client() as http:
        if not await log_in(run, http, username, rng):
            return
        work = publish_entry if n % 5 == 4 else work_a_case
        while not run.stop.is_set():
            await work(run, http, rng, n)
            await run.think(rng, 1.0, 3.0)


async def post_step(run: Run, http, kind: str, url: str, data: dict, back: str) -> bool:
    """POST a staff form, then open the page it leads back to; False if the step was
    refused (the page shows why: e.g. a colleague took the case one step on first)."""
    data = data | {"csrfmiddlewaretoken": http.cookies.get("csrftoken", "")}
    if await fetch(run, http, kind, "POST", url, expect=(302,), data=data) is None:
        return False
    page = await fetch(run, http, "case page" if "applications" in back else "entry page",
                       "GET", back)  # fmt: skip
    if page is not None and (refusal := ERROR_MESSAGE.search(page.text)):
        run.stats.refused[kind].append(refusal.group(1))
        return False
    return page is not None


def next_step(actions: list[str], rng: random.Random) -> str | None:
    for action in FIRST_STEPS:
        if action in actions:
            return action
    roll = rng.random()
    for action, share in CHOICES:
        if roll < share and action in actions:
            return action
        roll -= share
    return "decide" if "decide" in actions else None


async def work_a_case(run: Run, http, rng: random.Random, n: int) -> None:
    inbox = await fetch(run, http, "inbox", "GET", "/work/applications/?view=open")
    cases = CASE_LINK.findall(inbox.text) if inbox is not None else []
    if not cases:
        return
    url = f"/work/applications/{rng.choice(cases)}/"
    page = await fetch(run, http, "case page", "GET", url)
    step = next_step(ACTION_FORM.findall(page.text), rng) if page is not None else None
    if step is None:
        return
    await run.think(rng, 0.5, 1.5)
    data = {f"{step}-{name}": value for name, value in STEP_DATA[step].items()}
    if await post_step(run, http, f"step: {step}", f"{url}{step}/", data, url) and (
        step == "decide" and rng.random() < 0.5
    ):
        await post_step(run, http, "step: close", f"{url}close/", {}, url)


async def publish_entry(run: Run, http, rng: random.Random, n: int) -> None:
    """Draft, send for review, review and approve (the head is the whole chain)."""
    today = date.today().isoformat()
    draft = {"title": f"关于预算公开的通知（负载测试{n}-{rng.randrange(10**6)}）",
             "generated_on": today, "article20_item": "7", "disclosure_mode": "proactive",
             "body": "县级一般公共预算收入预计完成……",
             "csrfmiddlewaretoken": http.cookies.get("csrftoken", "")}  # fmt: skip
    created = await fetch(run, http, "draft entry", "POST", "/work/catalog/new/", expect=(302,),
                          data=draft)  # fmt: skip
    if created is None:
        return
    entry = created.headers["location"]
    steps = [("submit", {}), ("review", {"review-passed": "1",
                                         "review-disclosure_mode": "proactive"}),
             ("approve", {})]  # fmt: skip
    for step, data in steps:
        if not await post_step(run, http, f"entry: {step}", f"{entry}{step}/", data, entry):
            return
