"""Is catalogue search fast with 1,000,000 entries? Target: p95 < 50 ms on SQLite and PostgreSQL.

Fills a throwaway database with the demo county and synthetic public entries (titles, 文号,
summaries and text composed from a vocabulary of government terms; bulk-inserted, then one
`rebuild_index()`), and times `search()` — count, page of ids, entries and snippets — over a
mix of 1-, 2-, 3- and 4-character words, several words, 文号, 索引号 and filtered
queries. Run:

    .venv/bin/python bench/bench_catalog_search.py [--entries 1000000] [--keep DIR]
    scripts/with-postgres.sh .venv/bin/python bench/bench_catalog_search.py

`--keep DIR` leaves the SQLite file in DIR for bench_catalog_pages.py (`--reuse DIR`).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--keep", help="data directory to create and keep (SQLite)")
    parser.add_argument("--reuse", help="data directory filled by an earlier --keep run")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--stream",
        type=int,
        default=5000,
        help="searches in the stream of popular and rare queries (0: none)",
    )
    parser.add_argument("--cold", action="store_true", help="start the stream with no count kept")
    ARGS = parser.parse_args()
    os.environ.setdefault("GONGKAI_DATA_DIR", ARGS.reuse or ARGS.keep
                          or tempfile.mkdtemp(prefix="gongkai-bench-"))  # fmt: skip
os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from gongkai.web.agencies.demo import load_demo  # noqa: E402
from gongkai.web.agencies.models import Agency  # noqa: E402
from gongkai.web.catalog.models.entries import Entry, EntryState, Validity  # noqa: E402
from gongkai.web.catalog.search import rebuild_index, search, warm_counts  # noqa: E402

TERMS = (  # noqa: SIM905 (a vocabulary reads best as words)
    "财政 预算 决算 政府采购 招标 中标 公告 专项资金 转移支付 债务 国有资产 "
    "税收 非税收入 审计 乡村振兴 农业农村 高标准农田 耕地保护 粮食安全 水利 "
    "防汛抗旱 河长制 林长制 生态环境 大气污染 污水处理 垃圾分类 自然资源 "
    "国土空间 规划 建设用地 使用权 出让 征收 补偿 安置 住房保障 棚户区改造 "
    "老旧小区 城市管理 交通运输 公路 公交 教育 义务教育 学前教育 招生 "
    "卫生健康 医疗保障 医保 疫苗 食品安全 药品 市场监管 营商环境 行政许可 "
    "行政处罚 双随机 社会保障 养老保险 低保 特困 临时救助 残疾人 退役军人 "
    "就业 创业 职业技能 人才引进 事业单位 公开招聘 公务员 人事任免 安全生产 "
    "应急管理 消防 地质灾害 森林防火 统计 人口 民政 婚姻登记 殡葬 养老服务 "
    "文化 旅游 体育 科技 创新 工业 园区 招商引资 重点项目 民生实事 政务公开 "
    "政务服务 一网通办 信息公开 年度报告 建议提案 办理 巩固 衔接 产业"
).split()
FORMS = ["通知", "公告", "意见", "实施方案", "办法", "报告", "批复", "决定", "公示", "规划"]
VERBS = ["关于印发", "关于做好", "关于开展", "关于公布", "关于调整", "关于加强"]
SENTENCES = [
    "为进一步做好{a}工作，根据有关规定，结合本地实际，制定本方案。",
    "现将{a}和{b}有关事项通知如下，请认真贯彻执行。",
    "{a}资金共计{n}万元，主要用于{b}等方面。",
    "各乡镇、各部门要高度重视{a}，切实加强组织领导，确保{b}取得实效。",
    "本公告自发布之日起施行，{a}相关问题由{agency}负责解释。",
    "截至{year}年底，全县{a}累计完成{n}项，{b}稳步推进。",
]
QUERIES = {
    "1 char": ["税", "桥"],
    "2 chars": ["预算", "采购", "医保", "低保", "防汛", "消防", "公路", "殡葬"],
    "3 chars": ["使用权", "棚户区", "双随机", "转移支", "招商引"],
    "4 chars": ["政府采购", "乡村振兴", "安全生产", "行政许可", "养老服务", "森林防火"],
    "文号": ["〔2023〕5号", "青财〔2022〕17号", "〔2024〕101号"],
    "rare": ["量子计算", "航空母舰"],
    "2 words": ["财政 预算", "低保 临时救助", "招标 公告", "乡村振兴 资金", "医保 办法"],
    "3 words": ["财政 预算 公开", "安全生产 消防 通知"],
}


def composer(rng: random.Random, agencies: list[Agency]):
    prefixes = {agency.pk: (agency.short_name or agency.name)[:2] for agency in agencies}

    def sentence(agency, year) -> str:
        a, b = rng.sample(TERMS, 2)
        return rng.choice(SENTENCES).format(a=a, b=b, n=rng.randrange(1, 5000), year=year,
                                            agency=agency.name)  # fmt: skip

    def entry(n: int) -> Entry:
        agency = agencies[n % len(agencies)]
        published = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        a, b = rng.sample(TERMS, 2)
        title = f"{agency.name}{rng.choice(VERBS)}{published.year}年{a}{b}{rng.choice(FORMS)}"
        return Entry(
            agency=agency, title=title, generated_on=published, published_on=published,
            doc_no=f"{prefixes[agency.pk]}〔{published.year}〕{rng.randrange(1, 300)}号",
            summary=sentence(agency, published.year), state=EntryState.PUBLISHED,
            body="".join(sentence(agency, published.year) for _ in range(6)),
            index_no=f"{agency.code}/{published.year}-{n:07d}",
            validity=Validity.VALID if rng.random() < 0.9 else Validity.EXPIRED,
        )  # fmt: skip

    return entry


def fill(total: int) -> None:
    rng = random.Random(7)
    agencies = list(Agency.objects.all())
    make = composer(rng, agencies)
    for start in range(0, total, 10_000):
        with transaction.atomic():
            Entry.objects.bulk_create([make(n) for n in range(start, min(total, start + 10_000))],
                                      batch_size=2000)  # fmt: skip
        if start % 100_000 == 0:
            print(f"  {start + 10_000:>9,} entries", file=sys.stderr)


def prepare(total: int) -> None:
    call_command("migrate", verbosity=0)
    if Entry.objects.exists():
        print(f"{connection.vendor}: reusing {Entry.objects.count():,} entries")
        return
    load_demo()
    started = time.perf_counter()
    fill(total)
    filled = time.perf_counter()
    with transaction.atomic():
        indexed = rebuild_index()
    at = time.perf_counter()
    words = warm_counts()  # as `gongkai catalog reindex` does
    print(f"{connection.vendor}: {total:,} entries inserted in {filled - started:.0f} s, "
          f"{indexed:,} indexed in {at - filled:.0f} s, "
          f"{words:,} common words counted in {time.perf_counter() - at:.0f} s")  # fmt: skip


def forget_counts() -> None:
    """Both databases keep slow counts and carry them forward: time the first search too."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM catalog_search_counts")


def kept_counts() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM catalog_search_counts")
        return cursor.fetchone()[0]


def timed(label: str, queries: list[str], repeat: int, **filters) -> list[float]:
    samples, totals, firsts = [], [], []
    for query in queries:
        search(query, **filters)  # warm the page cache once per query
        forget_counts()
        started = time.perf_counter()
        search(query, **filters)
        firsts.append((time.perf_counter() - started) * 1000)
        for _ in range(repeat):
            started = time.perf_counter()
            page = search(query, **filters)
            samples.append((time.perf_counter() - started) * 1000)
        totals.append(page.total)
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    print(f"{label:<26} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {max(samples):7.1f} ms"
          f"   hits {min(totals):,}–{max(totals):,}"
          f"   first search max {max(firsts):.1f} ms")  # fmt: skip
    return samples


def percentile(samples: list[float], p: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def stream_queries(rng: random.Random) -> list[tuple[str, dict]]:
    """Distinct searches as a portal sees them, most popular first: words of the vocabulary
    and parts of them, 文号, agency names and words found nowhere, each alone or with an
    agency, a year or both."""
    agencies = list(Agency.objects.all())
    parts = {term[start:start + size] for term in TERMS for size in (2, 3, 4)
             for start in range(len(term) - size + 1)}  # fmt: skip
    numbers = [f"〔{rng.randrange(2015, 2025)}〕{rng.randrange(1, 300)}号" for _ in range(300)]
    prefixed = [f"{(a.short_name or a.name)[:2]}{n}" for a, n in zip(
        rng.choices(agencies, k=200), numbers, strict=False)]  # fmt: skip
    rare = ["量子计算", "航空母舰", "火星探测", "深海采矿", "青山县", "自然资源"]
    words = sorted(parts) + numbers + prefixed + [a.name for a in agencies] + rare
    searches = []
    for word in words:
        for _ in range(2):
            kind = rng.random()
            filters = {}
            if kind > 0.55:
                filters["agency"] = rng.choice(agencies)
            if kind < 0.15 or kind > 0.85:
                filters["year"] = rng.randrange(2015, 2025)
            searches.append((word, filters))
    unique = list({(word, tuple(sorted((k, getattr(v, "pk", v)) for k, v in f.items()))): (word, f)
                   for word, f in searches}.values())  # fmt: skip
    rng.shuffle(unique)
    return unique


def stream(total: int) -> list[float]:
    """`total` searches drawn by popularity (Zipf, s = 1) from the distinct searches, every
    one timed — from the counts a reindex keeps (the common words'), or from none with
    --cold — while every 25th search an entry is published and another withdrawn: the index
    changes under the searches as it does on a working day."""
    rng = random.Random(11)
    queries = stream_queries(rng)
    weights = [1 / rank for rank in range(1, len(queries) + 1)]
    make = composer(rng, list(Agency.objects.all()))
    last = Entry.objects.order_by("-pk").values_list("pk", flat=True).first()
    if ARGS.cold:
        forget_counts()
    kept = kept_counts()
    samples, seen, slowest, firsts, repeats = [], set(), [], [], []
    for n, (word, filters) in enumerate(rng.choices(queries, weights, k=total)):
        if n % 25 == 24:
            change_the_index(rng, make, n, last)
        key = (word, tuple(filters.items()))
        started = time.perf_counter()
        search(word, **filters)
        samples.append((time.perf_counter() - started) * 1000)
        (repeats if key in seen else firsts).append(samples[-1])
        seen.add(key)
        slowest = sorted([*slowest, (samples[-1], word, describe(filters))])[-5:]
    print(
        f"stream of {total:,} searches ({len(seen):,} distinct of {len(queries):,}), "
        f"{total // 25} publications and withdrawals among them, {kept:,} counts kept at the "
        "start:\n"
        f"  p50 {percentile(samples, 50):.1f} ms   p95 {percentile(samples, 95):.1f} ms   "
        f"p99 {percentile(samples, 99):.1f} ms   max {max(samples):.1f} ms\n"
        f"  first searches ({len(firsts):,}): p50 {percentile(firsts, 50):.1f} ms   "
        f"p95 {percentile(firsts, 95):.1f} ms;   repeated ({len(repeats):,}): "
        f"p50 {percentile(repeats, 50):.1f} ms   p95 {percentile(repeats, 95):.1f} ms\n  slowest: "
        + ", ".join(f"{word}{where} {ms:.0f} ms" for ms, word, where in reversed(slowest))
    )
    return samples


def describe(filters: dict) -> str:
    named = [filters["agency"].short_name or filters["agency"].name] if "agency" in filters else []
    named += [str(filters["year"])] if "year" in filters else []
    return f" ({', '.join(named)})" if named else ""


def change_the_index(rng: random.Random, make, n: int, last: int) -> None:
    fresh = make(n)
    fresh.index_no = f"{fresh.agency.code}/2026-B{last}-{n}"  # last: the highest id at the start
    fresh.published_on = fresh.generated_on = date.today()
    fresh.save()
    withdrawn = Entry.objects.filter(pk=rng.randrange(1, last), state=EntryState.PUBLISHED).first()
    if withdrawn is not None:
        withdrawn.state = EntryState.WITHDRAWN
        withdrawn.save()


def index_numbers(count: int) -> list[str]:
    """索引号 of entries spread over the catalogue, as a reader would copy them."""
    last = Entry.objects.order_by("-pk").values_list("pk", flat=True).first()
    wanted = [last * (n + 1) // (count + 1) for n in range(count)]
    return list(Entry.objects.filter(pk__in=wanted).values_list("index_no", flat=True))


def main() -> None:
    prepare(ARGS.entries)
    if ARGS.stream:
        stream(ARGS.stream)
    if not ARGS.repeat:
        return
    everything = []
    for label, queries in QUERIES.items():
        samples = timed(label, queries, ARGS.repeat)
        if label != "1 char":
            everything += samples
    finance = Agency.objects.filter(name__contains="财政").first()
    county = Agency.objects.get(parent=None)
    everything += timed("2–4 chars, finance + year", ["预算", "使用权", "政府采购"], ARGS.repeat,
                        agency=finance, year=2020)  # fmt: skip
    everything += timed("2–4 chars, county subtree", ["预算", "使用权", "政府采购"], ARGS.repeat,
                        agency=county)  # fmt: skip
    everything += timed("2 chars, page 50", ["预算", "采购"], ARGS.repeat, page=50)
    everything += timed("2 words, finance + year", ["财政 预算", "招标 公告"], ARGS.repeat,
                        agency=finance, year=2020)  # fmt: skip
    everything += timed("索引号 typed in full", index_numbers(5), ARGS.repeat)
    print(f"{'mix of 2–4 chars and 文号':<26} p50 {percentile(everything, 50):7.1f} ms   "
          f"p95 {percentile(everything, 95):7.1f} ms   ({len(everything)} searches)")  # fmt: skip


if __name__ == "__main__":
    main()
