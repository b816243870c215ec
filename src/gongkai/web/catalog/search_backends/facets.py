"""Filters as index tokens, the same on both databases: `a4` for every agency up the tree,
`y2024` for the publication year, `s3` subject, `f2` form, `i7` 条例第二十条 item, `vvalid`
validity. A filtered search is then answered by the index alone, without reading a row of
catalog_entry."""


def facet_values(document: dict) -> list[str]:
    agencies = [f"a{pk}" for pk in document["agency_path"].split("/") if pk]
    values = [("y", document["published_on"] and document["published_on"].year),
              ("s", document["subject_id"]), ("f", document["form_id"]),
              ("i", document["article20_item"]), ("v", document["validity"])]  # fmt: skip
    return agencies + [f"{kind}{value}" for kind, value in values if value]


def filter_values(filters) -> list[str]:
    wanted = [("a", filters.agency and filters.agency.pk), ("y", filters.year),
              ("s", filters.subject), ("f", filters.form), ("i", filters.item),
              ("v", filters.validity)]  # fmt: skip
    return [f"{kind}{value}" for kind, value in wanted if value is not None and value != ""]
