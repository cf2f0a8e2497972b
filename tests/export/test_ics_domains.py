"""Issue 24 in the calendar: the study blocks name their exam domain, worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from studyplanner.domain.analysis import analyse
from studyplanner.domain.catalog import Catalog
from studyplanner.domain.plan import DomainRating, PlanEntry, StudyPlan, WeeklyAvailability
from studyplanner.export.ics import write_ics

MONDAY = date(2027, 1, 4)


def study_events(path: Path) -> list[Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [e for e in calendar.walk("VEVENT") if "-study" in str(e["uid"])]


def span(event: Event) -> tuple[date, date]:
    """First and last day of an all-day event (DTEND is the day after)."""
    return event.decoded("dtstart"), event.decoded("dtend") - timedelta(days=1)


def saa_plan(cert_id: str = "solutions-architect-associate") -> StudyPlan:
    """One exam of 100 h, 2 h every day from Monday 4 Jan 2027."""
    return StudyPlan(
        name="Domains",
        start_date=MONDAY,
        availability=WeeklyAvailability(hours_per_weekday=[2.0] * 7),
        entries=[PlanEntry(certification_id=cert_id, hours_override=100)],
    )


def test_each_domain_gets_a_block_over_the_days_it_is_studied(
    catalog: Catalog, tmp_path: Path
) -> None:
    """SAA-C03 (30/26/24/20), 100 h: the review is 10 % = 10 h; the 90 h before it go by
    weight: 27, 23.4, 21.6 and 18 h. At 2 h a day from Monday 4 Jan:
    Domain 1, 27 h: 13.5 days, 4-17 Jan (1 h of the 17th);
    Domain 2, 23.4 h: the other hour of the 17th, then 22.4 h = 11.2 days, 18-29 Jan;
    Domain 3, 21.6 h: 1.6 h on the 29th, then 20 h = 10 days, 30 Jan - 8 Feb;
    Domain 4, 18 h: 9 days, 9-17 Feb; the review, 10 h: 5 days, 18-22 Feb (50 days, 100 h)."""
    out = tmp_path / "plan.ics"
    write_ics(analyse(saa_plan(), catalog, MONDAY), out, study_blocks=True)

    found = study_events(out)
    assert [span(e) for e in found] == [
        (date(2027, 1, 4), date(2027, 1, 17)),
        (date(2027, 1, 17), date(2027, 1, 29)),
        (date(2027, 1, 29), date(2027, 2, 8)),
        (date(2027, 2, 9), date(2027, 2, 17)),
        (date(2027, 2, 18), date(2027, 2, 22)),
    ]
    first = found[0]
    assert str(first["summary"]) == "Study for AWS SAA-C03: Domain 1, Design Secure Architectures"
    assert str(first["description"]).startswith(
        "27 h of study on Domain 1, Design Secure Architectures (30 % of the exam), for "
        "SAA-C03 Solutions Architect – Associate."
    )
    hours = [str(e["description"]).split(" h ", 1)[0] for e in found]
    assert hours == ["27", "23.4", "21.6", "18", "10"]
    review = found[-1]
    assert str(review["summary"]) == (
        "Review for AWS SAA-C03 Solutions Architect – Associate: every domain"
    )
    assert "weakest first: Domain 1, Design Secure Architectures; Domain 2," in str(
        review["description"]
    )


def test_a_domain_new_to_the_learner_comes_first(catalog: Catalog, tmp_path: Path) -> None:
    plan = saa_plan()
    plan.entries[0].domain_ratings = {3: DomainRating.NEW}
    out = tmp_path / "plan.ics"
    write_ics(analyse(plan, catalog, MONDAY), out, study_blocks=True)

    found = study_events(out)
    assert "Domain 3" in str(found[0]["summary"])
    assert span(found[0])[0] == MONDAY


def test_an_exam_without_domains_keeps_one_block(catalog: Catalog, tmp_path: Path) -> None:
    without = next(c for c in catalog if not c.domains)  # a retired exam
    out = tmp_path / "plan.ics"
    analysis = analyse(saa_plan(without.id), catalog, MONDAY)
    write_ics(analysis, out, study_blocks=True)

    (block,) = study_events(out)
    assert str(block["summary"]).startswith("Study for AWS")
    assert analysis.schedule is not None
    row = analysis.schedule.entries[0]
    assert span(block) == (row.study_start, row.study_end)
