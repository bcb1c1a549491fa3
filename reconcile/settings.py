"""The one place every threshold lives, with its default and why."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class Settings:
    # Alignment: scores are in [0, 1].
    align_threshold: float = 0.25
    """Two sentences of different sources at or above this score state the same claim.
    Far below the MRPC paraphrase cut (0.62 on the same score): MRPC's "different
    meaning" pairs are mostly one event told with other details, which the judge
    must see side by side to report what disagrees (bench/tune_alignment.py)."""
    paraphrase_threshold: float = 0.62
    """The cut on the same score for MRPC's "same meaning" decision (bench/accuracy.py
    --mrpc), chosen by cross-validation on MRPC train: a paraphrase must match in
    its details too, which the aligner must not require (align_threshold)."""
    candidate_cutoff: float = 0.25
    """Pairs below this cheap pre-score are never scored in full (speed, not accuracy)."""
    candidate_window: int = 48
    """Blocking (reconcile.alignment._candidates): sentences sharing a token that at
    most this many + 1 sentences have are all paired; a commoner token pairs each
    sentence with this many neighbours only. Bounds the pairs tried to this many
    per token of a sentence, so time grows linearly with the sentences of a run."""
    candidate_limit: int = 20
    """Each sentence is scored in full against at most its this many best partners
    by the pre-score (a pair stays if either side keeps it). Binds only when many
    sources restate one claim: a few links put it in their group, and links stay
    linear in the sentences rather than quadratic in the sources (speed)."""
    clause_threshold: float = 0.2
    """A clause of an aligned sentence below this against every clause of the other
    sentence is reported as a detail only its source gives. Below align_threshold:
    a clause is shorter than its sentence and shares fewer words by nature."""
    substitution_threshold: float = 0.5
    """Two different names are an entity contradiction only if their sentences,
    with the two names masked, score at least this: one name standing in the
    other's place, not two names playing different parts."""
    min_claim_words: int = 4
    """Sentences with fewer content words carry no claim of their own ("Advertisement")."""
    align_weights: tuple[tuple[str, float], ...] = (
        ("bias", -6.0033),
        ("cover_min", 2.8989),
        ("cover_max", 2.5924),
        ("bigram", -3.5991),
        ("char", 6.5292),
        ("lcs_min", 11.9513),
        ("lcs_max", -9.3312),
        ("gram1_max", 3.3691),
        ("gram3_min", -2.0463),
        ("number_miss", -0.4167),
        ("raw_length", -2.2464),
    )
    """The paraphrase part of the alignment score is the logistic of these weighted
    terms (features of reconcile.alignment.features, or "a*b" products). Fitted on
    MRPC train by bench/tune_alignment.py (5-fold CV: 76.3% accuracy, F1 0.83)."""
    align_containment: float = 0.5
    """Share of containment in the alignment score (the rest is the paraphrase
    probability): a sentence contained in a longer one states that claim in part."""

    # Facts.
    approx_tolerance: float = 0.06
    """How far "about", "nearly", "some" let a number stray (relative)."""

    # Reading.
    reference_date: date | None = None
    """Publication date used to resolve "on Monday", "later this month"; None: look for
    a date line in each article, else keep such dates relative."""
    boilerplate: tuple[str, ...] = field(default=())
    """Extra regular expressions for whole lines that are page debris, not claims."""

    # Limits: a run stops with a clear message rather than hang (0: no limit).
    max_file_bytes: int = 10_000_000
    """A larger file is refused before it is read. Saved news pages, scripts and
    all, stay under 5 MB; reading 10 MB takes about a second (docs/limits.md)."""
    max_text_chars: int = 300_000
    """A source with more article text than this (characters left once markup and
    debris are out) is refused: a long read has 60,000, and the time the analysis
    takes grows faster than the text (docs/limits.md has the figures)."""
    max_sentence_chars: int = 2_000
    """A stretch with no sentence end longer than this (a table, a transcript, text
    with no punctuation) is read in pieces of at most this many characters, cut at
    white space, and the source gets a warning; real sentences stay well under."""

    # Timeline.
    event_match_threshold: float = 0.6
    """Two mentions at or above this tell of one happening (reconcile.events.affinity):
    the same word with no names either side scores 0.75, the same word naming
    different people 0.5, so two meetings of different people stay apart."""
    weekday_context: int = 2
    """With no publication date, a bare weekday ("on Friday") is read as the day of
    that name nearest to its event's own date, else to a date told at most this many
    sentences before it (or after); farther away it stays a weekday."""
    reference_slack: int = 7
    """With no publication date an article is taken to be written on its latest
    date or up to this many days later: "later this month" or "recently" are read
    over that whole stretch, so a guess never creates a conflict."""

    def replace(self, **changes: object) -> Settings:
        """A copy with some values changed, checked like the originals."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ValueError(f"unknown setting: {unknown[0]}")
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)  # type: ignore[arg-type]
