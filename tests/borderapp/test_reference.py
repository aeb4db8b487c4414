from borderapp import reference


def test_bcps_have_unique_codes_and_known_kinds() -> None:
    bcps = reference.bcps()
    assert len(bcps) >= 20
    assert {b.kind for b in bcps.values()} == {"land", "sea", "air"}
    assert all(code == b.code for code, b in bcps.items())


def test_checklist_items_are_in_both_languages() -> None:
    [(key, checklist)] = reference.checklists().items()
    assert key == "initial-interview-1"
    assert len(checklist["items"]) == 15
    for item in checklist["items"]:
        assert item["en"] and item["sq"] and item["en"] != item["sq"]
    assert len({i["key"] for i in checklist["items"]}) == 15


def test_unknown_language_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="Unknown language 'fr'"):
        reference.flag_texts("fr")
