"""The dates of a review's stages hold together: nothing is done in the future, the pre-meet
comes before the visit, the workshop after it, and the outcomes after the workshop."""

from __future__ import annotations

from datetime import date

from store.models import PeerReview


def step_date_problem(
    review: PeerReview, label: str, item: str, on: date, today: date
) -> str | None:
    """Why a checklist step cannot be dated `on`, or None if it can."""
    if on > today:
        return f"{label} cannot be dated in the future ({on:%d %b %Y}); today is {today:%d %b %Y}."
    visit = review.starts_on
    if visit is None:
        return None
    if item == "workshop_held" and on < visit:
        return (
            f"The workshop follows the visit, which starts on {visit:%d %b %Y}: it cannot be"
            f" dated {on:%d %b %Y}."
        )
    if item in ("timetable_shared", "pre_meet_held") and on > visit:
        return (
            f"{label} comes before the visit, which starts on {visit:%d %b %Y}: it cannot be"
            f" dated {on:%d %b %Y}."
        )
    return None


def agreement_date_problem(workshop: date, on: date, today: date) -> str | None:
    """Why outcomes cannot be agreed on `on`, given the workshop's date, or None."""
    if on > today:
        return f"Outcomes cannot be agreed on a day still to come ({on:%d %b %Y})."
    if on < workshop:
        return f"Outcomes are agreed after the workshop of {workshop:%d %b %Y}, not {on:%d %b %Y}."
    return None
