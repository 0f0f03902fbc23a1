# SPDX-License-Identifier: MIT
from __future__ import annotations

from tei_transcripts.ingest import Source
from tei_transcripts.messages import Reporter
from tei_transcripts.segment import segment, wrap_width


def blocks_of(text: str):
    report = Reporter("t")
    result = segment(Source("t", text.split("\n"), "utf-8"), report)
    return result, report


WRAPPED = """STALIN says that we agree with Mao Zedong, that the Mexican proposal is not acceptable, since it
conforms with America's position at the negotiations in Korea. If Mexico comes forward with its
proposal at the UN, the USSR delegation will reject this proposal.
He adds that the question of which and how many countries should take part can be discussed.
ZHOU ENLAI concedes that this is precisely so.
He introduces the following scenario: to cease fire and resolve the issue of POWs later.
STALIN acknowledges that this can be considered as one of possible scenarios, but America is not
likely to agree to it."""


def test_hard_wrapped_lines_are_joined_and_paragraphs_kept():
    result, _ = blocks_of(WRAPPED)
    assert result.hard_wrapped
    texts = [b.text for b in result.blocks]
    assert texts[0].endswith("will reject this proposal.")
    assert texts[1].startswith("He adds")
    assert texts[2] == "ZHOU ENLAI concedes that this is precisely so."
    assert texts[-1].endswith("likely to agree to it.")
    assert len(texts) == 5


def test_one_paragraph_per_line_is_not_wrapped():
    lines = ["Stalin: " + "word " * n for n in (5, 80, 12, 140, 30, 60, 9)]
    result, _ = blocks_of("\n".join(lines))
    assert not result.hard_wrapped and len(result.blocks) == 7


def test_positions_survive_joining():
    result, _ = blocks_of(WRAPPED)
    first = result.blocks[0]
    offset = first.text.index("conforms")
    assert first.position(offset) == (2, 1)
    assert first.position(first.text.index("proposal at")) == (3, 1)


def test_page_numbers_and_running_heads_removed_and_reported():
    text = "\n".join(
        [
            "CWIHP BULLETIN 16",
            "Stalin says that the war in Korea",
            "is not popular in America.",
            "- 12 -",
            "CWIHP BULLETIN 17",
            "Zhou Enlai agrees.",
            "Page 13",
            "CWIHP BULLETIN 18",
            "Stalin notes that it is so.",
        ]
    )
    result, report = blocks_of(text)
    assert [r.reason for r in result.removed] == [
        "running head",
        "page number",
        "running head",
        "page number",
        "running head",
    ]
    assert [r.line for r in result.removed] == [1, 4, 5, 7, 8]
    assert [b.text for b in result.blocks][
        0
    ] == "Stalin says that the war in Korea is not popular in America."
    assert sum(1 for m in report.messages if m.code == "furniture-removed") == 5


def test_wrap_width_needs_evidence():
    assert wrap_width(["short"] * 3, [True] * 3) is None
