"""Event grouping on synthetic articles: same story merges, different stories don't."""

from __future__ import annotations

from reader.core.events import group_events
from reader.core.models import Article

FLOOD_1 = """\
Heavy rain caused the Oder river to burst its banks near Wroclaw on Sunday, forcing 4,000 \
residents to leave their homes. Mayor Jacek Sutryk said the water level reached 7.2 metres. \
Rescue teams used boats to evacuate elderly people from the Kozanow district."""

FLOOD_2 = """\
About 4,000 people were evacuated in Wroclaw after the Oder overflowed on Sunday. The river \
peaked at 7.2 metres, Mayor Jacek Sutryk told reporters. Firefighters in boats reached \
residents trapped in Kozanow."""

TALKS_ROUND_1 = """\
Negotiators from Armenia and Azerbaijan met in Geneva on Monday for a first round of peace \
talks mediated by Swiss diplomats. Foreign ministers Ararat Mirzoyan and Jeyhun Bayramov \
discussed border demarcation and the return of prisoners."""

TALKS_ROUND_2 = """\
Armenian and Azerbaijani negotiators returned to Geneva for a second round of peace talks \
mediated by Swiss diplomats. Foreign ministers Ararat Mirzoyan and Jeyhun Bayramov discussed \
border demarcation and prisoners, officials said."""

FOOTBALL = """\
Real Betis beat Sevilla 3-1 in the Andalusian derby on Saturday. Isco scored twice in the \
second half as Betis moved up to fifth place in La Liga."""


def article(ident: str, title: str, text: str, day: str) -> Article:
    return Article(id=ident, title=title, text=text, date=day)


def test_same_story_from_two_outlets_merges_and_others_stay_apart() -> None:
    grouped = group_events(
        [
            article("f1", "Oder floods Wroclaw", FLOOD_1, "2024-09-15"),
            article("t1", "Armenia and Azerbaijan open peace talks", TALKS_ROUND_1, "2024-09-16"),
            article("f2", "Thousands evacuated as Oder overflows", FLOOD_2, "2024-09-16"),
            article("s1", "Betis win the derby", FOOTBALL, "2024-09-14"),
        ]
    )
    events = {a.id: a.event for a in grouped}
    assert events["f1"] == events["f2"]
    assert len({events["f1"], events["t1"], events["s1"]}) == 3
    assert all(a.event.startswith("ev-") and a.event_label for a in grouped)
    assert [a.id for a in grouped] == ["f1", "t1", "f2", "s1"]


def test_rounds_of_talks_a_week_apart_do_not_merge() -> None:
    grouped = group_events(
        [
            article("r1", "Peace talks open in Geneva", TALKS_ROUND_1, "2024-03-04"),
            article("r2", "Second round of peace talks in Geneva", TALKS_ROUND_2, "2024-03-11"),
        ]
    )
    assert grouped[0].event != grouped[1].event


def test_same_rounds_without_dates_merge_and_id_is_stable() -> None:
    first = article("r1", "Peace talks open in Geneva", TALKS_ROUND_1, "2024-03-04")
    second = article("r1b", "Talks in Geneva", TALKS_ROUND_1.replace("Monday", "Tuesday"), "")
    alone = group_events([first])
    together = group_events([first, second])
    assert together[0].event == together[1].event == alone[0].event


def test_empty_and_untitled_articles() -> None:
    assert group_events([]) == []
    [single] = group_events([Article(id="e", title="", text="")])
    assert single.event.startswith("ev-")


def test_sample_corpus_is_one_event() -> None:
    from pathlib import Path

    from reader.core.corpus import load_paths

    corpus = Path(__file__).resolve().parents[2] / "sample_corpus"
    grouped = group_events(load_paths([corpus]).articles)
    assert len(grouped) >= 2
    assert len({a.event for a in grouped}) == 1
