import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderapp.mrz import MRZError, check_digit, parse_mrz

# ICAO Doc 9303 specimens.
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"


def test_check_digits_of_the_icao_td3_specimen() -> None:
    assert check_digit("L898902C3") == 6
    assert check_digit("740812") == 2
    assert check_digit("120415") == 9
    assert check_digit("ZE184226B<<<<<") == 1
    line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
    assert check_digit(line2[0:10] + line2[13:20] + line2[21:43]) == 0


def test_td3_specimen() -> None:
    r = parse_mrz(TD3, reference=date(2010, 1, 1))
    assert r.format == "TD3"
    assert (r.document_type, r.issuing_state, r.nationality) == ("P", "UTO", "UTO")
    assert (r.family_name, r.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert r.document_number == "L898902C3"
    assert r.birth_date == date(1974, 8, 12)
    assert r.expiry_date == date(2012, 4, 15)
    assert r.sex == "F"
    assert r.personal_number == "ZE184226B"
    assert r.checks == {
        "document_number": True,
        "birth_date": True,
        "expiry_date": True,
        "personal_number": True,
        "composite": True,
    }
    assert r.all_checks_pass


def test_td2_specimen() -> None:
    r = parse_mrz(TD2, reference=date(2010, 1, 1))
    assert r.format == "TD2"
    assert r.document_number == "D23145890"
    assert r.birth_date == date(1974, 8, 12)
    assert r.all_checks_pass, r.checks


def test_td1_specimen() -> None:
    r = parse_mrz(TD1, reference=date(2010, 1, 1))
    assert r.format == "TD1"
    assert r.document_number == "D23145890"
    assert (r.family_name, r.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert r.nationality == "UTO"
    assert r.all_checks_pass, r.checks


def test_td1_long_document_number_continues_in_optional_field() -> None:
    number = "D23145890AB"  # 11 characters: 9 in place, 2 in the optional field, then the check digit
    cd = str(check_digit(number))
    line1 = f"I<UTO{number[:9]}<{number[9:]}{cd}".ljust(30, "<")
    line2 = "7408122F1204159UTO<<<<<<<<<<<"
    composite = str(check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]))
    r = parse_mrz(f"{line1}\n{line2}{composite}\n" + "ERIKSSON<<ANNA".ljust(30, "<"), reference=date(2010, 1, 1))
    assert r.document_number == number
    assert r.all_checks_pass, r.checks


def test_keyboard_wedge_input_is_normalised() -> None:
    typed = "  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<< \r\n\r\nL898902C36UTO7408122F1204 159ZE184226B<<<<<10\n"
    r = parse_mrz(typed, reference=date(2010, 1, 1))
    assert r.all_checks_pass
    assert r.lines[0].startswith("P<UTOERIKSSON")


def test_lines_without_breaks_are_split_by_length() -> None:
    r = parse_mrz(TD3.replace("\n", ""), reference=date(2010, 1, 1))
    assert r.format == "TD3" and r.all_checks_pass


def test_every_failed_check_digit_is_reported() -> None:
    bad = TD3.replace("L898902C36", "L898902C35").replace("1204159", "1204158")
    r = parse_mrz(bad, reference=date(2010, 1, 1))
    assert r.failed_checks == ["document_number", "expiry_date", "composite"]
    assert not r.all_checks_pass


def test_century_rule_puts_birth_on_or_before_the_crossing() -> None:
    line2 = "L898902C36UTO1501015F3001019<<<<<<<<<<<<<<00"
    r = parse_mrz("P<UTOCHILD<<ANA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n" + line2, reference=date(2026, 6, 1))
    assert r.birth_date == date(2015, 1, 1)
    assert r.expiry_date == date(2030, 1, 1)
    # A birth "in the future" of this century belongs to the last one.
    r2 = parse_mrz("P<UTOCHILD<<ANA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n" + line2, reference=date(2014, 6, 1))
    assert r2.birth_date == date(1915, 1, 1)


def test_unknown_sex_is_x() -> None:
    r = parse_mrz(TD3.replace("7408122F", "7408122<"), reference=date(2010, 1, 1))
    assert r.sex == "X"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n \n", "empty"),
        (TD3[:-1], "expected 2 lines of 44"),
        (TD3 + "\nXYZ", "3 line(s)"),
        (TD3.replace("ERIKSSON", "ERIKSSÖN"), "line 1, position 12"),
        (TD3.replace("L898902C3", "L898902C-"), "line 2, position 9"),
        (TD3.replace("740812", "741312"), "birth date '741312'"),
        (TD3.replace("120415", "12AB15"), "expiry date '12AB15'"),
    ],
)
def test_bad_mrz_raises_mrz_error_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(MRZError, match=None) as info:
        parse_mrz(text, reference=date(2010, 1, 1))
    assert message in str(info.value)


def test_non_text_is_refused() -> None:
    with pytest.raises(MRZError, match="must be text"):
        parse_mrz(None)  # type: ignore[arg-type]


mrz_like = st.text(alphabet="ABCXYZ0123456789<\n \r\té-", min_size=0, max_size=120)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), mrz_like))
def test_arbitrary_text_raises_only_mrz_error(text: str) -> None:
    with contextlib.suppress(MRZError):
        parse_mrz(text, reference=date(2026, 1, 1))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<", min_size=88, max_size=88))
def test_arbitrary_td3_shaped_text_raises_only_mrz_error(text: str) -> None:
    with contextlib.suppress(MRZError):
        parse_mrz(text[:44] + "\n" + text[44:], reference=date(2026, 1, 1))
