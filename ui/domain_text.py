"""Sentences made outside the UI (field problems, password and account errors, MRZ errors, the interview's
rules), shown in the chosen language.

The domain layer (`borderapp/`) knows no Qt and writes its sentences in English, some with values in them
("the date of birth 2030-01-01 is after the crossing date 2026-07-01; check the document"). Each sentence it
can produce is listed here once as a template with `{0}`, `{1}` for the values; `text()` finds the template
that matches, and returns its translation with the same values. The templates are `_t()` literals, so they are
in the .ts with the other UI strings and the translation test covers them. A sentence with no template is
shown as it is (in English), which `tests/ui/test_domain_text.py` looks for.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from borderapp.errors import InvalidInput
from ui import i18n


def _t(text: str) -> str:  # names this module's context for the catalogue (python -m ui.i18n)
    return QCoreApplication.translate("DomainText", text)


def N_(text: str) -> str:  # gettext's name: "mark for translation, translate later"
    """Marks a literal for the catalogue (`python -m ui.i18n`) without translating it here."""
    return text


# Every sentence the domain layer shows in the app, as English templates.
TEMPLATES: tuple[str, ...] = (
    # the crossing record (borderapp/models.py, borderapp/entry.py)
    N_("use the 3-letter ICAO country code as in the MRZ (for example ALB, GRC, XKX)"),
    N_("the name is empty; type it as in the document"),
    N_("give the date of birth, or mark 'presumed minor' and give an estimated age"),
    N_("the date of birth {0} is after the crossing date {1}; check the document"),
    N_(
        "the person was {0} on {1}, so not a child; only children under 18 are recorded. If the age is "
        "uncertain, mark 'presumed minor' and give an estimated age"
    ),
    N_("a presumed minor needs an estimated age (0-17)"),
    N_("the estimated age {0} is not that of a child; record only persons presumed to be under 18"),
    N_("give the document number, or choose 'none' as the document type"),
    N_("the expiry date {0} is before the date of birth {1}; check both dates"),
    N_("the planned return {0} is before the crossing date {1}; correct the date or leave it empty"),
    N_(
        "the child is recorded as travelling alone but {0} accompanying adult(s) are listed; choose another "
        "accompaniment or remove them"
    ),
    N_("add the accompanying adult(s), or record the child as travelling alone"),
    N_("'both parents' needs the mother and the father among the accompanying adults"),
    N_("'one parent' needs exactly one accompanying adult recorded as mother or father"),
    N_("{0} is not a date in the calendar; check the day and the month"),
    N_("{0} is not a date; type it as DD.MM.YYYY (for example 04.03.2016)"),
    N_("{0} is not a time; type HH:MM (for example 14:05), or leave it empty for now"),
    N_("the crossing time is in the future; correct it or leave it empty for now"),
    N_("{0} is not an age; type the estimated age in years (0-17)"),
    N_("type how many other children travel with this adult (0 or more)"),
    N_("choose how this adult is related to the child"),
    N_("this field is needed; type it as in the document"),
    N_("choose the sex as in the document (F, M or X)"),
    N_("choose who the child travels with, or 'Alone'"),
    N_("choose entry or exit"),
    N_("choose land, air or sea"),
    N_("choose the document type, or 'No document'"),
    N_("choose the outcome of the check"),
    N_("choose one of the options"),
    # the MRZ (borderapp/mrz.py)
    N_("The MRZ is empty: scan the document again or type its 2 or 3 lines."),
    N_(
        "MRZ line {0}, position {1}: the character {2} cannot appear in an MRZ (only A-Z, 0-9 and <). Check "
        "the reader's keyboard layout and scan again."
    ),
    N_(
        "The MRZ has {0} line(s) of length {1}; expected 2 lines of 44 (passport), 2 of 36 (TD2) or 3 of 30 "
        "(identity card). Scan the document again."
    ),
    N_("The birth date {0} in the MRZ is not a date (YYMMDD). Scan the document again."),
    N_("The expiry date {0} in the MRZ is not a date (YYMMDD). Scan the document again."),
    N_("The birth date {0} in the MRZ is not a valid date. Scan the document again."),
    N_("The expiry date {0} in the MRZ is not a valid date. Scan the document again."),
    # signing in (borderapp/store/keyslots.py, borderapp/store/station.py)
    N_("Wrong password for {0}. {1} attempt(s) left before a pause."),
    N_("Too many wrong passwords for {0}. Try again in {1} s."),
    N_("Wrong password for {0}, {1} times. Login is locked for {2} s."),
    N_("There is no user {0} at this station. Check the spelling, or ask the station supervisor to add you."),
    N_("The account {0} is disabled at this station. Ask the supervisor."),
    N_("The temporary account {0} has expired. Ask the supervisor for a new one."),
    # users, settings, corrections (borderapp/services.py)
    N_("say why (at least 5 characters); the reason is kept with the record"),
    N_("the correction changes nothing; edit a field first"),
    N_("this record was voided; it can no longer be corrected"),
    N_("this record is already void"),
    N_("use at least {0} characters"),
    N_("the two passwords differ; type the same one twice"),
    N_("use 2-64 letters, digits, dots, dashes or underscores, without spaces"),
    N_("give the person's full name, as on the badge"),
    N_("choose officer, social worker or supervisor"),
    N_("choose the border crossing point of this station"),
    N_("name the station (for example 'Kakavijë, exit lane 2')"),
    N_("{0} already exists at this station; choose another user name"),
    N_("this is the only supervisor; make someone else supervisor first"),
    N_("this is the only supervisor; without one nobody could manage the station"),
    N_("{0} is already disabled"),
    N_("{0} is disabled; a password would not open the station"),
    N_("the idle lock must be between 1 and 60 minutes"),
    N_("a temporary account lasts between 1 and 72 hours"),
    # the interview (borderapp/interview.py)
    N_("answer yes, no or not applicable"),
    N_("say why it does not apply"),
    N_("record the child's views (best interest first)"),
    N_("record the language used with the child"),
    N_("confirm the interpreter has no link to the accompanying adult"),
    N_("say whether a guardian or representative was present or requested"),
    N_("choose the decision: potential victim, at risk, or no concern"),
    N_(
        "a potential victim is referred to the Responsible Authority (National Referral Mechanism) and the "
        "Child Protection Unit"
    ),
    N_("a potential victim is referred to the Responsible Authority (National Referral Mechanism)"),
    N_("a potential victim is referred to the Child Protection Unit"),
    N_("a foreign child is referred to the Responsible Authority for pre-screening"),
    N_("give the time of the referral"),
    N_(
        "the female anti-trafficking officer and the social worker have not confirmed presence; the "
        "interview cannot be signed without both"
    ),
    N_("the female anti-trafficking officer has not confirmed presence; the interview cannot be signed without both"),
    N_("the social worker has not confirmed presence; the interview cannot be signed without both"),
    N_("{0} is not the female anti-trafficking officer who confirmed presence; that person signs"),
    N_("{0} is not the social worker who confirmed presence; that person signs"),
    N_("the interview is signed and read-only; record a correction with a reason"),
    N_("the interview is not signed yet; change it and sign it"),
    N_("say why (at least 5 characters); the reason is kept with the interview"),
    N_("there is no active user {0} at this station"),
    N_("the temporary account {0} has expired; the supervisor can make a new one"),
    N_("{0} is not recorded as a female anti-trafficking officer; the supervisor sets this in Users"),
    N_(
        "{0} is not a social worker at this station; a social worker without an account gets a temporary one "
        "from the supervisor"
    ),
    N_(
        "Only the interview's participants, social workers and the supervisor may see or change what was said "
        "in an interview. Record your presence first if you are the female anti-trafficking officer."
    ),
    N_("this crossing record is void; there is nothing to interview about"),
    # sync with the central server (sync/client.py, sync/protocol.py): the sync panel and enrolment
    N_("Sent {0} record event(s); {1} left."),
    N_("Enrolled with {0} for {1}."),
    N_("Cannot reach the server at {0} ({1})."),
    N_("The server answered {0} without an explanation."),
    N_("This station is not enrolled with a central server yet."),
    N_(
        "This station is not enrolled with a central server yet. A supervisor enrols it with the code from the "
        "central admin."
    ),
    N_("The central server did not answer in time; will retry."),
    N_("No connection to the central server ({0}); will retry."),
    N_("The central server asks this station to slow down; will retry."),
    N_("The central server failed ({0}); will retry."),
    N_("{0} A supervisor must enrol this station again."),
    N_(
        "This code is for border crossing point {0}, but this station is {1}. Ask the central admin for a code "
        "for this BCP."
    ),
    N_(
        "The server's certificate does not match the fingerprint in the code: this may not be the central "
        "server. Nothing was sent. Tell the central admin."
    ),
    N_(
        "The central server holds {0} events from this station but this station has only {1}: it was restored "
        "from an older backup. Sync is stopped so that nothing is overwritten; tell the central admin."
    ),
    N_("This is not a BorderApp enrolment code; scan or paste the whole code from the admin."),
    N_(
        "The server's certificate is not the one enrolled: do not proceed, call the central admins. "
        "Nothing was sent."
    ),
    N_(
        "The server address {0} is plain HTTP: children's records would cross the network unencrypted. "
        "Use the server's https:// address (ask the central admin for a new code)."
    ),
    N_(
        "The enrolment code carries no certificate fingerprint, so this server cannot be told from an "
        "impostor. Ask the central admin for a new code."
    ),
    N_("Confirm the server's certificate first: compare its fingerprint with the server's."),
    N_(
        "The server's certificate is not the one confirmed before: do not sign in, call the central admins. "
        "Nothing was sent."
    ),
)


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """(regex of each English template, the template); `{0}`, `{1}`... match the values."""
    out = []
    for template in TEMPLATES:
        pattern = re.sub(r"\\\{(\d)\\\}", lambda m: f"(?P<g{m.group(1)}>.+?)", re.escape(template))
        out.append((re.compile(pattern, re.DOTALL), template))
    return out


def text(sentence: str) -> str:
    """The sentence in the chosen language (as it is when English is chosen, or when there is no template)."""
    if not sentence or i18n.current() == "en":
        return sentence
    stripped = sentence[:1].lower() + sentence[1:]  # the UI capitalises sentences it shows
    for candidate in (sentence, stripped):
        for pattern, template in _patterns():
            found = pattern.fullmatch(candidate)
            if found:
                values = [found.group(f"g{n}") for n in range(len(found.groupdict()))]
                translated = QCoreApplication.translate("DomainText", template).format(*values)
                return translated if candidate is sentence else translated[:1].upper() + translated[1:]
    return sentence


def known(sentence: str) -> bool:
    """Whether a template matches (the tests use it to find sentences left out of the list)."""
    stripped = sentence[:1].lower() + sentence[1:]
    return any(p.fullmatch(s) for s in (sentence, stripped) for p, _ in _patterns())


def sentences(error: BaseException) -> str:
    """An error as the user reads it: each problem of an InvalidInput on its own line, capitalised, translated."""
    if isinstance(error, InvalidInput):
        texts = [text(problem) for _, problem in error.problems]
        return "\n".join(t[:1].upper() + t[1:] for t in texts)
    return text(str(error))
