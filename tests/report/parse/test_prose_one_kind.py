"""A proactive count of one kind of document (共主动公开政策性文件90份) is no total of the
information published: a count of 政府信息 outranks it wherever it stands (holdout 18)."""

from gongkai.report.parse.narrative import read_prose


def proactive_total(*sentences: str) -> int | None:
    stated = read_prose(list(sentences), "A", 2018).get("proactive.total")
    return None if stated is None else stated.value


def test_a_count_of_information_outranks_an_earlier_count_of_one_kind_of_document():
    kind = "截至发文之日，共主动公开政策性文件37份，促进依法行政。"
    total = "（一）主动公开政府信息的数量2018年全镇主动公开政府信息512条。"
    assert proactive_total(kind, total) == 512
    assert proactive_total(total, kind) == 512


def test_a_count_of_one_kind_alone_is_still_read():
    assert proactive_total("全年共主动公开规范性文件12件。") == 12
