"""The national vocabularies every installation starts with (gongkai.statute.vocabularies)."""

from gongkai.statute.vocabularies import FORMS, SUBJECTS


def ensure_national_vocabularies(**kwargs) -> None:
    """Create the national 主题分类 and 体裁分类 terms that are missing, and keep them in the
    national order when a release adds one (run after migrate)."""
    from gongkai.web.catalog.models.entries import FormCategory, SubjectCategory

    for model, names in ((SubjectCategory, SUBJECTS), (FormCategory, FORMS)):
        existing = dict(model.objects.filter(agency=None).values_list("name", "position"))
        model.objects.bulk_create(
            model(name=name, position=position)
            for position, name in enumerate(names)
            if name not in existing
        )
        for position, name in enumerate(names):
            if existing.get(name, position) != position:
                model.objects.filter(agency=None, name=name).update(position=position)
