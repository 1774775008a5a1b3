"""Cleaning on made-up articles: each boilerplate feature, and what must never be dropped.

The texts here are invented, with wording unlike the sample corpus, so the tests
show the cleaner relies on general features rather than known phrases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import cleaning_features as f
from reader.core.cleaning import clean_article
from reader.core.paragraphs import split_units

PROSE = (
    "The city council voted on Tuesday to expand the tram network to the northern "
    "suburbs, a plan that has been debated for more than a decade. Officials said the "
    "first section could open within four years if funding is approved."
)
PROSE_2 = (
    "Residents who spoke at the meeting were divided. Some welcomed faster trips to the "
    "centre, while shop owners on the planned route worried about years of road works "
    "and lost trade during construction."
)
PROSE_3 = (
    "The regional transport authority has promised to publish a detailed timetable for "
    "the works before the summer, together with a compensation scheme for businesses "
    "that can show a drop in turnover."
)


def article(*lines: str) -> str:
    return "\n\n".join(lines)


def reasons(raw: str, **kwargs: object) -> dict[str, str]:
    cleaned = clean_article(raw, **kwargs)  # type: ignore[arg-type]
    return {unit.text: unit.reason for unit in cleaned.dropped}


def test_clean_prose_is_kept_whole() -> None:
    cleaned = clean_article(article(PROSE, PROSE_2, PROSE_3))
    assert cleaned.paragraphs == (PROSE, PROSE_2, PROSE_3)
    assert cleaned.dropped == ()
    assert cleaned.text == "\n\n".join((PROSE, PROSE_2, PROSE_3))


def test_headline_header_dateline_and_byline() -> None:
    raw = article(
        "Local Edition | Sport | Weather",
        "Metro Daily",
        "Council Backs Northern Tram Extension After Decade of Debate",
        "By Jane Q. Reporter",
        "Updated: Tuesday 4 March 2025 17:05 GMT",
        PROSE,
        PROSE_2,
    )
    cleaned = clean_article(raw)
    assert cleaned.title == "Council Backs Northern Tram Extension After Decade of Debate"
    assert cleaned.byline == "Jane Q. Reporter"
    assert cleaned.date == "2025-03-04"
    assert cleaned.paragraphs == (PROSE, PROSE_2)
    dropped = {u.text: u.reason for u in cleaned.dropped}
    assert dropped["Metro Daily"] == "site header"
    assert dropped["By Jane Q. Reporter"] == "byline"


def test_declared_title_line_is_dropped_as_headline() -> None:
    raw = article("Tram plan approved", PROSE)
    assert reasons(raw, title="Tram Plan Approved") == {"Tram plan approved": "headline"}


def test_crumb_trail_and_arrow_link_are_navigation() -> None:
    raw = article(
        "Start › Cities › Transport",
        "Tram vote: what happens next",
        PROSE,
        PROSE_2,
        PROSE_3,
        "Further Transport Stories →",
    )
    got = reasons(raw)
    assert got["Start › Cities › Transport"] == "navigation"
    assert got["Further Transport Stories →"] == "navigation"


def test_standfirst_before_longer_prose() -> None:
    raw = article(
        "Trams Return to the North", "Councillors approve a long-awaited plan.", PROSE, PROSE_2
    )
    cleaned = clean_article(raw)
    assert cleaned.standfirst == "Councillors approve a long-awaited plan."
    assert cleaned.paragraphs == (PROSE, PROSE_2)


def test_subheadings_between_paragraphs_are_dropped() -> None:
    raw = article(
        "Trams Return to the North",
        PROSE,
        "What the Shops Fear",
        PROSE_2,
        "money is still missing",
        PROSE_3,
    )
    got = reasons(raw)
    assert got["What the Shops Fear"] == "subheading"
    assert got["money is still missing"] == "subheading"
    assert clean_article(raw).paragraphs == (PROSE, PROSE_2, PROSE_3)


def test_list_items_and_interview_labels_are_kept() -> None:
    items = [
        "Host: What should readers remember from all this?",
        "Guest:",
        "Trams take years to build",
        "Funding decides the timetable.",
        "* Businesses along the route can ask for compensation.",
    ]
    raw = article("Trams Return to the North", PROSE, *items, PROSE_2, PROSE_3)
    cleaned = clean_article(raw)
    assert "Host: What should readers remember from all this?" in cleaned.paragraphs
    assert "Trams take years to build" in cleaned.paragraphs
    assert "Businesses along the route can ask for compensation." in cleaned.paragraphs
    assert {u.text: u.reason for u in cleaned.dropped}["Guest:"] == "speaker label"


def test_footer_widgets_after_the_end_are_dropped() -> None:
    raw = article(
        "Trams Return to the North",
        PROSE,
        PROSE_2,
        PROSE_3,
        "Post Your Reply",
        "Replies are checked by a filter before they appear. See our rules.",
        "Newest Stories",
        "Newest Stories",
    )
    cleaned = clean_article(raw)
    assert cleaned.paragraphs == (PROSE, PROSE_2, PROSE_3)
    assert all(u.reason.startswith(("footer", "repeated")) for u in cleaned.dropped[1:])


def test_page_furniture_and_symbols() -> None:
    raw = article(
        "Trams Return to the North",
        PROSE,
        "Share on social media",
        "⊕ ‖",
        PROSE_2,
        "Photo: Archive picture of a tram depot",
        PROSE_3,
    )
    got = reasons(raw)
    assert got["Share on social media"].startswith("page furniture")
    assert got["⊕ ‖"] == "symbols"
    assert got["Photo: Archive picture of a tram depot"].startswith("page furniture")


def test_lines_repeated_across_an_outlet_are_dropped() -> None:
    raw = article("Trams Return to the North", PROSE, "Support independent local news.", PROSE_2)
    got = reasons(raw, repeated_lines={f.line_key("Support independent local news.")})
    assert got["Support independent local news."] == "repeated in the outlet's articles"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = "\n".join(
        [
            "The city council voted on Tuesday to expand the tram network to the",
            "northern suburbs, a plan that has been debated for more than a decade.",
            "Officials said the first section could open within four years.",
        ]
    )
    units = split_units(wrapped)
    assert len(units) == 1
    assert units[0].text.startswith("The city council voted") and units[0].line == 0


def test_whitespace_is_normalised_but_text_is_not_rewritten() -> None:
    raw = "Odd   spacing\u00a0here and a typo: region.Trump said it ,their way.  " + PROSE
    cleaned = clean_article(raw)
    assert cleaned.paragraphs == (" ".join(raw.split()),)


def test_text_without_headline_keeps_its_first_paragraph() -> None:
    cleaned = clean_article(article(PROSE, PROSE_2))
    assert cleaned.title == ""
    assert cleaned.paragraphs[0] == PROSE


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("13 February 2025", "2025-02-13"),
        ("Thu 13th Feb, 2025", "2025-02-13"),
        ("Feb 13, 2025", "2025-02-13"),
        ("Published 2025-02-13 08:00", "2025-02-13"),
        ("2025-02-13T08:00:00Z", "2025-02-13"),
        ("31 February 2025", ""),
        ("the 13 of nothing", ""),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert f.parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today : Feb 13, 2025", ("2025-02-13", "")),
        ("News Desk 13 February 2025 06:14", ("2025-02-13", "News Desk")),
        ("On February 12, 2025, the leaders spoke by phone for ninety minutes.", None),
    ],
)
def test_date_line(text: str, expected: tuple[str, str] | None) -> None:
    assert f.date_line(text) == expected


def test_features() -> None:
    assert f.ends_sentence("He said “no.”") and not f.ends_sentence("A Heading")
    assert f.title_case_ratio("Where the Money Goes") == 1.0
    assert f.title_case_ratio("Editor: what happens to the money now?") == 0.0
    assert f.stop_word_ratio("Home News Sport") == 0.0
    assert f.is_crumb_trail("Home » World » Europe") and not f.is_crumb_trail("« Oui » dit-il")
    assert f.link_density("https://example.com/a/b") == 1.0
    assert f.domains_in("Welcome to example-news.co.uk today") == ["example-news.co.uk"]
    assert f.is_speaker_label("Expert:") and not f.is_speaker_label("Note: it rained.")


def test_short_lede_is_not_mistaken_for_a_standfirst() -> None:
    lede = (
        "The city council on Tuesday approved a tram line to the northern suburbs after "
        "more than a decade of argument, ending one of the longest planning fights in memory."
    )
    cleaned = clean_article(article("Trams Return to the North", lede, PROSE + " " + PROSE_2))
    assert cleaned.paragraphs[0] == lede and cleaned.standfirst == ""


def test_late_heading_followed_by_short_paragraphs_is_not_a_footer() -> None:
    short_1 = "Work on the first stop is due to start in the autumn, the council said."
    short_2 = "Opponents have said they will challenge the decision in court next month."
    raw = article(
        "Trams Return to the North", PROSE, PROSE_2, PROSE_3, "What Happens Next", short_1, short_2
    )
    cleaned = clean_article(raw)
    assert cleaned.paragraphs[-2:] == (short_1, short_2)
    assert {u.text: u.reason for u in cleaned.dropped}["What Happens Next"] == "subheading"


BROADCASTER_PAGE = (Path(__file__).parent / "data" / "broadcaster_page.txt").read_text(
    encoding="utf-8"
)


def test_broadcaster_style_page() -> None:
    """Menus, image credits, ads, share links and "more on this story" all go."""
    cleaned = clean_article(BROADCASTER_PAGE)
    assert cleaned.title == "Ferry operator fined over safety failures at northern port"
    assert (cleaned.byline, cleaned.date) == ("Alex Morgan", "2025-03-04")
    body = [p for p in cleaned.paragraphs if p != "What happens next?"]
    assert len(body) == 5
    assert body[0].startswith("A ferry operator has been fined")
    assert body[-1].startswith("The operator has 28 days to appeal.")
    assert all(f.word_count(p) > 10 for p in body)


def test_wire_style_page() -> None:
    """Section menu, timestamp line, credit line and "read next" widgets all go."""
    cleaned = clean_article((Path(__file__).parent / "data" / "wire_page.txt").read_text())
    assert cleaned.title == "Rail unions agree pay deal, ending strikes"
    assert (cleaned.byline, cleaned.date) == ("Priya Nair and Tom Hale", "2025-03-05")
    assert len(cleaned.paragraphs) == 4
    assert cleaned.paragraphs[0].startswith("LONDON, March 5 (Wire) - Britain's main rail")
    assert cleaned.paragraphs[-1].startswith("The government welcomed the agreement")


def test_unspaced_and_right_to_left_scripts_are_kept() -> None:
    chinese = (
        "市议会周二投票决定将有轨电车网络延伸到北部郊区。"
        "官员表示，如果资金获批，第一段可能在四年内开通。"
    )
    arabic = "صوّت مجلس المدينة يوم الثلاثاء على توسيع شبكة الترام إلى الضواحي الشمالية؟"
    cleaned = clean_article(article("Trams Return to the North", chinese, arabic, PROSE))
    assert cleaned.paragraphs == (chinese, arabic, PROSE)
    assert f.word_count(chinese) > 20


def test_declared_title_variant_is_the_headline_but_prose_is_not() -> None:
    raw = article("Tram plan approved by council", PROSE)
    assert reasons(raw, title="Tram plan approved by council | Metro Daily") == {
        "Tram plan approved by council": "headline"
    }
    quote = "“We will build it,” the mayor said. “The north has waited long enough.”"
    cleaned = clean_article(article(quote, PROSE), title="Mayor promises trams")
    assert cleaned.paragraphs == (quote, PROSE)


def test_duplicate_paragraph_keeps_the_first_copy() -> None:
    cleaned = clean_article(article("Trams Return to the North", PROSE, PROSE_2, PROSE, PROSE_3))
    assert cleaned.paragraphs == (PROSE, PROSE_2, PROSE_3)
    assert {u.reason for u in cleaned.dropped} == {"headline", "duplicate paragraph"}
