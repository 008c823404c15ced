"""The network lead criteria (seed 003): designated status or a track record, and the
governing body's support."""

from __future__ import annotations

from store.models import LeadCriteria


def lead_criteria_gaps(criteria: LeadCriteria) -> str:
    """What stops a person meeting the lead criteria, or "" if nothing does."""
    gaps = []
    designated = criteria.nle_or_ele or criteria.inspection_trained
    track_record = {
        "good or outstanding Ofsted across the board": criteria.good_or_outstanding,
        "2 years' headship": criteria.two_years_headship,
        "2 years in the current school": criteria.two_years_in_school,
        "evidence of outreach": criteria.outreach_evidence,
    }
    if not designated and not all(track_record.values()):
        missing = [name for name, met in track_record.items() if not met]
        gaps.append(
            f"neither NLE/ELE status nor current inspection training, and no {', '.join(missing)}"
        )
    if not criteria.governing_body_support:
        gaps.append("no full support from the governing body")
    return "; ".join(gaps)
