# SPDX-License-Identifier: MIT
"""Block rules: each recognises one kind of paragraph and encodes it.

Contract of a rule: ``test(block, ctx)`` only looks; ``run(block, ctx)`` encodes the block
into the current record and returns True, or returns False to hand the block on to the
next rule (after noting something about it, as the numbered-point rule does). Rules are
kept in one `Registry`, placed by name; the plain paragraph is last and always matches.

The rules live by family: `front`, `attendance`, `apparatus` (closers, notes, sources,
commentary) and `turns`; `base` has their contract and the registry.
"""

from __future__ import annotations

from .apparatus import (
    AppendixRule,
    CloserRule,
    CommentaryRule,
    DistributionRule,
    FootnotesRule,
    PartHeadingRule,
    SourceRule,
    SummaryRule,
)
from .attendance import AttendanceRule
from .base import BlockRule, Registry
from .front import ClassificationRule, DateLineRule, DocumentHeadingRule, FieldListRule, SaluteRule, TitleRule
from .turns import (
    ContinuationRule,
    DialogueSplitRule,
    DialogueTagRule,
    EmbeddedSpeakerRule,
    NarrativeRule,
    NoteParagraphRule,
    NumberedPointRule,
    OwnViewRule,
    ParagraphRule,
    QuoteRule,
    ReportedSpeechRule,
    SpeakerLabelRule,
    SpeechTurnRule,
)

__all__ = ["BlockRule", "Registry", "default_registry"]


def default_registry() -> Registry:
    registry = Registry()
    for rule in (
        FieldListRule(),
        ClassificationRule(),
        DocumentHeadingRule(),
        TitleRule(),
        DateLineRule(),
        SaluteRule(),
        AttendanceRule(),
        CloserRule(),
        FootnotesRule(),
        SourceRule(),
        AppendixRule(),
        DistributionRule(),
        PartHeadingRule(),
        SummaryRule(),
        CommentaryRule(),
        NoteParagraphRule(),
        NarrativeRule(),
        QuoteRule(),
        NumberedPointRule(),
        OwnViewRule(),
        DialogueTagRule(),
        DialogueSplitRule(),
        SpeakerLabelRule(),
        SpeechTurnRule(),
        ReportedSpeechRule(),
        EmbeddedSpeakerRule(),
        ContinuationRule(),
        ParagraphRule(),
    ):
        registry.register(rule)
    return registry
