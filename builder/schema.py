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

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator

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
    # The rules of the validator below that an editor can check as you type.
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "dependentRequired": {"practice": ["why"], "why": ["practice"]},
        "if": {"properties": {"speaker": {"const": "customer"}}},
        "then": {"not": {"required": ["practice"]}},
    })

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
    allow: list[Text] = Field(
        default_factory=list,
        description="Words of content/certain-words.yaml this good line quotes on purpose (e.g. a customer's own word).",
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

LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
Language = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
Localized = dict[Language, Text]
SectionRef = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*#[a-z0-9]+(-[a-z0-9]+)*$")
]
MOODS = range(0, 5)  # 0 furious, 1 angry, 2 upset, 3 calm, 4 satisfied
Mood = Annotated[int, Field(ge=MOODS.start, le=MOODS.stop - 1)]
MAX_POINTS = 10
MAX_TURNS = 60  # far more than a chat needs; keeps every check quick
MAX_MESSAGES = 3


def _as_messages(value: object) -> object:
    return [value] if isinstance(value, str) else value


# Real agents split a long answer into a few chat messages; each is its own bubble. A trainer
# writes one text or a list; the model always holds the list.
Messages = Annotated[list[Text], Field(min_length=1, max_length=MAX_MESSAGES),
                     BeforeValidator(_as_messages, json_schema_input_type=str | list[str])]
Reply = dict[Language, Messages]


class Branch(Strict):
    """One way on from a reply, taken when the customer's mood after the reply fits its condition."""

    if_mood_at_most: Mood | None = Field(default=None, description="Taken when the mood after this reply is at most this.")
    if_mood_at_least: Mood | None = Field(default=None, description="Taken when the mood after this reply is at least this.")
    to: Id = Field(description="The turn or ending this branch leads to.")

    def holds(self, mood: int) -> bool:
        return ((self.if_mood_at_most is None or mood <= self.if_mood_at_most)
                and (self.if_mood_at_least is None or mood >= self.if_mood_at_least))

    @property
    def conditional(self) -> bool:
        return self.if_mood_at_most is not None or self.if_mood_at_least is not None


class Choice(Strict):
    model_config = ConfigDict(extra="forbid", json_schema_extra={  # a critical mistake scores 0, as checked below
        "if": {"properties": {"critical": {"const": True}}, "required": ["critical"]},
        "then": {"properties": {"points": {"const": 0}}},
    })

    reply: Reply = Field(
        description=f"The agent's reply the learner can pick, in every language: one text, or a list of 1 to "
                    f"{MAX_MESSAGES} texts sent as separate chat messages."
    )
    reaction: Localized = Field(
        description="What the reply does to the customer, in one short sentence: calms down, repeats, escalates …"
    )
    note: Localized = Field(description="The coaching note: the course principle behind this reply, and why.")
    teaches: SectionRef = Field(
        description="The section that teaches the principle, as module-id#section-id (e.g. 'calming-upset-customers#apologise')."
    )
    points: int = Field(ge=0, le=MAX_POINTS, description=f"Points for this reply, 0 to {MAX_POINTS}.")
    mood: int = Field(ge=-2, le=2, description="How the customer's mood changes: -2, -1, 0, 1 or 2.")
    critical: bool = Field(
        default=False,
        description="A critical mistake (opening a customer's link, typing a password, accepting a file, moving the "
                    "chat off the platform, promising what the agent may not give): 0 points, and the scenario is failed.",
    )
    next: Id | list[Branch] = Field(
        description="The id of the turn or ending this reply leads to, or a list of branches by the customer's mood "
                    "after the reply (the last branch without a condition)."
    )
    allow: dict[Language, list[Text]] = Field(
        default_factory=dict,
        description="Per language, words of content/certain-words.yaml this reply quotes on purpose.",
    )

    @field_validator("next")
    @classmethod
    def _last_branch_catches_all(cls, next_: str | list[Branch]) -> str | list[Branch]:
        if isinstance(next_, list):
            if not next_:
                raise ValueError("needs at least one branch")
            if next_[-1].conditional:
                raise ValueError("the last branch must have no condition, so that every mood leads somewhere; "
                                 "give it only 'to'")
            if any(not branch.conditional for branch in next_[:-1]):
                raise ValueError("only the last branch may have no condition; add 'if_mood_at_most' or "
                                 "'if_mood_at_least' to the others")
        return next_

    @model_validator(mode="after")
    def _critical_scores_nothing(self) -> Choice:
        if self.critical and self.points:
            raise ValueError(f"a critical mistake scores 0 points, not {self.points}")
        return self

    def targets(self) -> list[str]:
        """Every turn or ending this reply can lead to."""
        return [self.next] if isinstance(self.next, str) else [branch.to for branch in self.next]

    def leads_to(self, mood: int) -> str:
        """Where this reply leads when the customer's mood after it is `mood`."""
        if isinstance(self.next, str):
            return self.next
        return next(branch.to for branch in self.next if branch.holds(mood))


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

    @property
    def best(self) -> Choice:
        return max(self.choices, key=lambda choice: choice.points)


class Ending(Strict):
    id: Id = Field(description="The ending's id in kebab-case, unique in the scenario (e.g. 'resolved').")
    outcome: Localized = Field(description="How the conversation ended and what it means for the shop.")
    mood: Mood | Annotated[list[Mood], Field(min_length=2, max_length=2)] = Field(
        description="The customer's mood at this ending: one value (0 furious … 4 satisfied) or [lowest, highest].",
    )
    resolved: bool = Field(description="Whether the customer got what they came for at this ending (the refund, the right "
                                          "item, a true answer and a way on), by what the shop may do; how they feel about "
                                          "it is the ending's mood. A pass must end at a resolved ending.")

    @property
    def moods(self) -> range:
        """The moods a customer may arrive here with."""
        low, high = (self.mood, self.mood) if isinstance(self.mood, int) else self.mood
        return range(low, high + 1)

    @model_validator(mode="after")
    def _unresolved_is_not_satisfied(self) -> Ending:
        if not self.resolved and self.moods.stop == MOODS.stop:
            raise ValueError(f"an unresolved case does not leave the customer satisfied (mood {MOODS.stop - 1}): "
                             "lower this ending's mood, and the replies' mood on the way here")
        return self

    @field_validator("mood")
    @classmethod
    def _lowest_first(cls, mood):
        if isinstance(mood, list) and mood[0] > mood[1]:
            raise ValueError(f"write the range lowest first: [{mood[1]}, {mood[0]}]")
        return mood


class WalkAway(Strict):
    at: Mood = Field(description="The customer leaves after any reply that brings the mood to this or lower.")
    ending: Id = Field(description="The ending the chat goes to when the customer leaves.")


class Customer(Strict):
    name: Localized = Field(description="How the customer appears in the chat, in every language.")
    type: SectionRef = Field(
        description="The section of the customer-types module that describes this customer (e.g. 'customer-types#urgency')."
    )
    situation: Localized = Field(
        description="What the agent can see before the chat starts: order, item, status, and what the shop's rules "
                    "let the agent give without a supervisor."
    )


class Scenario(Strict):
    """One role-play, every language in one file: quizzes/<scenario-id>.yaml."""

    module: Id = Field(description="The id of the module this scenario practises (its file name without .yaml).")
    order: int = Field(ge=1, description="Position among the module's scenarios: 1, 2, 3 …")
    title: Localized = Field(description="The scenario's title, in every language.")
    customer: Customer = Field(description="Who the learner is talking to.")
    mood: Mood = Field(description="The customer's mood at the start: 0 furious, 1 angry, 2 upset, 3 calm, 4 satisfied.")
    walk_away: WalkAway | None = Field(
        default=None, description="When the customer runs out of patience and leaves, and the ending that follows."
    )
    turns: list[Turn] = Field(min_length=1, max_length=MAX_TURNS,
                              description="The customer's turns; the chat starts with the first.")
    endings: list[Ending] = Field(min_length=1, description="The ways the conversation can end.")
    translated_from: dict[Language, Fingerprint] = Field(default_factory=dict, description=_TRANSLATED_FROM)


class CertainWords(Strict):
    """content/certain-words.yaml: words that promise certainty, which the course teaches to avoid."""

    words: dict[Language, list[Text]] = Field(
        description="Per language, the words no best reply and no good dialogue line may use (肯定, 보장, гарантирано …)."
    )
    tone: dict[Language, list[Text]] = Field(
        default_factory=dict,
        description="Per language, words that set a tone rather than say what is done (reassurance, apology: 放心, "
                    "걱정, спокойно …). The cue check learns them as marks: neither wrong nor best replies may show one "
                    "much more often than the other.",
    )

    @property
    def marks(self) -> dict[Language, list[Text]]:
        """Per language, every word the cue check learns as a mark: the tone words and the certain words,
        which set a tone too, so the tone list need not repeat them."""
        return {language: list(dict.fromkeys(self.tone.get(language, []) + self.words.get(language, [])))
                for language in self.tone.keys() | self.words.keys()}


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
