"""The one place every threshold lives, with its default and why."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class Settings:
    # Alignment: scores are in [0, 1].
    align_threshold: float = 0.2
    """Two sentences of different sources at or above this score state the same claim:
    containment alone gets there when one sentence holds half the rarity-weighted
    content of the other (align_containment). Far below the paraphrase cut on the
    same score (paraphrase_threshold): MRPC's "different meaning" pairs are mostly
    one event told with other details, which the judge must see side by side to
    report what disagrees (bench/tune_alignment.py)."""
    paraphrase_threshold: float = 0.51
    """The cut on the same score for MRPC's "same meaning" decision (bench/accuracy.py
    --mrpc): a paraphrase must match in its details too, which the aligner must not
    require (align_threshold). Chosen by cross-validation on MRPC train (the folds'
    best cuts lie between 0.48 and 0.52, the whole file's is 0.514), above
    align_containment so that a pair one sentence of which merely contains the
    other is no paraphrase."""
    candidate_cutoff: float = 0.25
    """Pairs below this cheap pre-score are never scored in full (speed, not accuracy)."""
    candidate_window: int = 48
    """Blocking (reconcile.align.blocking.candidates): sentences sharing a token that at
    most this many + 1 sentences have are all paired; a commoner token pairs each
    sentence with this many neighbours only. Bounds the pairs tried to this many
    per token of a sentence, so time grows linearly with the sentences of a run."""
    candidate_limit: int = 20
    """Each sentence is scored in full against at most its this many best partners
    by the pre-score (a pair stays if either side keeps it). Binds only when many
    sources restate one claim: a few links put it in their group, and links stay
    linear in the sentences rather than quadratic in the sources (speed)."""
    claim_quorum: int = 3
    """Two sets of agreeing sentences are one claim only if half the pairs across
    them are linked, or this many (reconcile.align.groups.claims_stated): one loose
    link does not join a different fact of the story to a claim."""
    clause_threshold: float = 0.16
    """A clause of an aligned sentence below this against every clause of the other
    sentence is reported as a detail only its source gives. Below align_threshold:
    a clause is shorter than its sentence and shares fewer words by nature."""
    substitution_threshold: float = 0.4
    """Two different names are an entity contradiction only if their sentences,
    with the two names masked, score at least this (the containment cap): one name
    standing in the other's place, not two names playing different parts."""
    slot_context: float = 0.1
    """Two claims of different sources are compared slot by slot, however unlike
    their sentences, when they hold facts of one slot (a count of the same noun, a
    date, a name of one kind) whose surrounding words overlap at least this much
    (rarity-weighted Dice, reconcile.judge.slots)."""
    min_confidence: float | None = None
    """A candidate conflict is reported when its probability (reconcile.judge.confidence)
    is at least this; None: the threshold fitted with the weights, leaving one
    labelled story out (reconcile/data/fitted/judge.json)."""
    align_weights: tuple[tuple[str, float], ...] | None = None
    """The paraphrase part of the alignment score is the logistic of these weighted
    terms (features of reconcile.align.features, or "a*b" products); None: the
    weights fitted on MRPC train, kept with their provenance in
    reconcile/data/fitted/alignment.json (written by bench/tune_alignment.py --write)."""
    align_containment: float = 0.4
    """A sentence whose content a longer one holds states that claim in part, which
    MRPC would not call a paraphrase. The score is the paraphrase probability or,
    where higher, its mean with containment (the rarity-weighted share of the better
    covered sentence found in the other) weighted this much and capped at this:
    containment links claims (align_threshold) but, kept below paraphrase_threshold,
    never makes a paraphrase."""

    # Facts.
    approx_tolerance: float = 0.06
    """How far "about", "nearly", "some" let a number stray (relative)."""

    # Reading.
    reference_date: date | None = None
    """Publication date used to resolve "on Monday", "later this month"; None: look for
    a date line in each article, else keep such dates relative."""
    today: date | None = None
    """The day of the run: no article is dated after it, so a year guessed for a
    day and month never lies in the future. The command line sets it to the real
    date; the library reads no clock, and with None nothing is bounded by it."""
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
