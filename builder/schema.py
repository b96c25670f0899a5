"""The one schema of a course module, declared once.

Validation, the trainers' error messages and the editors' JSON Schema
(`schema/module.schema.json`) all come from these models. Every field carries
a description because that text is what a trainer sees in the editor and in
"missing field" errors.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

# Link targets a trainer may write: web pages, e-mail, phone numbers and pages
# of this site. Anything else (javascript:, data:, vbscript:) would run code
# when a learner clicks it.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE)
_SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _safe_links(text: str) -> str:
    for match in _LINK_TARGET.finditer(text):
        target = match.group(1) or match.group(2) or ""
        if _SCHEME.match(target) and not target.lower().startswith(_SAFE_SCHEMES):
            raise ValueError(
                f"the link '{target}' is not allowed: links may point to web pages "
                "(http:// or https://), e-mail (mailto:) or pages of this course"
            )
    return text


# Every text is Markdown as far as links go: a title or a key point can carry a
# link as well as a body can, so every text gets the same check.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_safe_links)]
Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=ID_PATTERN)]
Fingerprint = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9a-f]{12}$")]
_TRANSLATED_FROM = ("Written by `course translations --reviewed`: the fingerprint of the source-language text "
                    "this translation was made from. Do not edit it by hand.")


class Strict(BaseModel):
    """Rejects unknown keys, so a misspelt key is an error, not silently lost text."""

    model_config = ConfigDict(extra="forbid")


class Speaker(str, Enum):
    customer = "customer"
    agent = "agent"


class Practice(str, Enum):
    good = "good"
    bad = "bad"


class DialogueLine(Strict):
    speaker: Speaker = Field(description="Who speaks: 'customer' or 'agent' (the shop's service agent).")
    text: Text = Field(description="What is said, exactly as it would appear in the chat.")
    practice: Practice | None = Field(
        default=None,
        description="For an agent's line that teaches something: 'good' or 'bad' practice.",
    )
    why: Text | None = Field(
        default=None,
        description="Why the line is good or bad practice; required when 'practice' is set.",
    )

    @model_validator(mode="after")
    def _practice_needs_reason(self) -> DialogueLine:
        if self.practice and not self.why:
            raise ValueError("a line marked as good or bad practice needs 'why': say what makes it so")
        if self.why and not self.practice:
            raise ValueError("'why' explains a line marked with 'practice: good' or 'practice: bad'; add 'practice'")
        if self.practice and self.speaker is Speaker.customer:
            raise ValueError("only the agent's lines are marked as good or bad practice, not the customer's")
        return self


class Dialogue(Strict):
    title: Text = Field(description="A short title that says what the dialogue shows.")
    lines: list[DialogueLine] = Field(
        min_length=2, description="The chat, line by line, in the order it happens."
    )


class Section(Strict):
    id: Id = Field(
        description="Stable English id in kebab-case (e.g. 'expectation-gap'), the same in every language."
    )
    title: Text = Field(description="The section heading.")
    body: Text = Field(
        description="The teaching text in Markdown: paragraphs, **bold**, *italic*, lists and links."
    )
    key_points: list[Text] = Field(
        min_length=1, description="The points a learner must remember from this section."
    )
    dialogues: list[Dialogue] = Field(
        default_factory=list, description="Optional example chats that show the section in practice."
    )


class Module(Strict):
    """One training module in one language: content/<language>/<module-id>.yaml."""

    order: int = Field(ge=1, description="Position of the module in the course: 1, 2, 3 …")
    title: Text = Field(description="The module's title.")
    summary: Text = Field(description="One or two sentences shown on the course home page.")
    objectives: list[Text] = Field(
        min_length=1, description="What the learner can do after the module (learning objectives)."
    )
    terms: list[Id] = Field(
        default_factory=list,
        description="Ids of the glossary terms (content/glossary.yaml) the module uses; each must appear in its text.",
    )
    sections: list[Section] = Field(min_length=1, description="The module's sections, in reading order.")
    takeaways: list[Text] = Field(min_length=1, description="What to take away from the module.")
    translated_from: Fingerprint | None = Field(default=None, description=_TRANSLATED_FROM)

    @field_validator("sections")
    @classmethod
    def _section_ids_unique(cls, sections: list[Section]) -> list[Section]:
        ids = [section.id for section in sections]
        for section_id in sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"two sections have the id '{section_id}'; give each section its own id")
        return sections


# --- Role-play scenarios: quizzes/<scenario-id>.yaml -------------------------
# A scenario's structure is written once, with each language's text beside it,
# so the editions cannot drift apart in structure.

Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]
Localized = dict[Language, Text]
SectionRef = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*#[a-z0-9]+(-[a-z0-9]+)*$")
]
MOODS = range(0, 5)  # 0 furious, 1 angry, 2 upset, 3 calm, 4 satisfied
MAX_POINTS = 10
MAX_TURNS = 60  # far more than a chat needs; keeps every check quick


class Choice(Strict):
    reply: Localized = Field(description="The agent's reply the learner can pick, in every language.")
    reaction: Localized = Field(
        description="What the reply does to the customer, in one short sentence: calms down, repeats, escalates …"
    )
    note: Localized = Field(description="The coaching note: the course principle behind this reply, and why.")
    teaches: SectionRef = Field(
        description="The section that teaches the principle, as module-id#section-id (e.g. 'calming-upset-customers#apologise')."
    )
    points: int = Field(ge=0, le=MAX_POINTS, description=f"Points for this reply, 0 to {MAX_POINTS}.")
    mood: int = Field(ge=-2, le=2, description="How the customer's mood changes: -2, -1, 0, 1 or 2.")
    next: Id = Field(description="The id of the turn or ending this reply leads to.")


class Turn(Strict):
    id: Id = Field(description="The turn's id in kebab-case, unique in the scenario (e.g. 'opening').")
    customer: Localized = Field(description="The customer's chat message, in every language.")
    choices: list[Choice] = Field(
        min_length=2, max_length=4, description="Two to four replies the learner chooses from."
    )

    @field_validator("choices")
    @classmethod
    def _one_best_choice(cls, choices: list[Choice]) -> list[Choice]:
        best = max(choice.points for choice in choices)
        if sum(choice.points == best for choice in choices) > 1:
            raise ValueError(f"more than one choice has the most points ({best}); "
                             "give the one best reply more points than the others")
        return choices


class Ending(Strict):
    id: Id = Field(description="The ending's id in kebab-case, unique in the scenario (e.g. 'resolved').")
    outcome: Localized = Field(description="How the conversation ended and what it means for the shop.")


class Customer(Strict):
    name: Localized = Field(description="How the customer appears in the chat, in every language.")
    type: SectionRef = Field(
        description="The section of the customer-types module that describes this customer (e.g. 'customer-types#urgency')."
    )
    situation: Localized = Field(description="What the agent can see before the chat starts: order, item, status.")


class Scenario(Strict):
    """One role-play, every language in one file: quizzes/<scenario-id>.yaml."""

    module: Id = Field(description="The id of the module this scenario practises (its file name without .yaml).")
    order: int = Field(ge=1, description="Position among the module's scenarios: 1, 2, 3 …")
    title: Localized = Field(description="The scenario's title, in every language.")
    customer: Customer = Field(description="Who the learner is talking to.")
    mood: int = Field(ge=MOODS.start, le=MOODS.stop - 1,
                      description="The customer's mood at the start: 0 furious, 1 angry, 2 upset, 3 calm, 4 satisfied.")
    turns: list[Turn] = Field(min_length=1, max_length=MAX_TURNS,
                              description="The customer's turns; the chat starts with the first.")
    endings: list[Ending] = Field(min_length=1, description="The ways the conversation can end.")
    translated_from: dict[Language, Fingerprint] = Field(default_factory=dict, description=_TRANSLATED_FROM)


# --- The glossary: content/glossary.yaml ------------------------------------


class Term(Strict):
    id: Id = Field(description="Stable English id in kebab-case (e.g. 'refund'); modules list it under 'terms'.")
    term: Localized = Field(description="The word the course uses for this concept, in every language.")
    forms: dict[Language, list[Text]] = Field(
        default_factory=dict,
        description="Other forms of the word that also count as using it (plural, with an article …), per language.",
    )
    definition: Localized = Field(description="What the term means in the shop's work, in every language.")


class Glossary(Strict):
    """The recurring terms of the course, every language side by side."""

    terms: list[Term] = Field(min_length=1, description="The terms, in the order the glossary page lists them.")

    @field_validator("terms")
    @classmethod
    def _term_ids_unique(cls, terms: list[Term]) -> list[Term]:
        ids = [term.id for term in terms]
        for term_id in sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"two terms have the id '{term_id}'; give each term its own id")
        return terms
