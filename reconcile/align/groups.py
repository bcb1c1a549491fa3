"""Links into groups: the connected sets the judge compares, and within a set of
agreeing links the claims it states, one each."""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.model import ClaimGroup, Key, Link


class Sets:
    """Union-find over claim keys: which set each key is in, joined in near-constant time."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, key: Key) -> Key:
        parent = self.parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(self, a: Key, b: Key) -> Key:
        """Join the sets of ``a`` and ``b``; the smaller key stays the root, for a stable order."""
        ra, rb = self.find(a), self.find(b)
        self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)

    def members(self) -> dict[Key, list[Key]]:
        out: dict[Key, list[Key]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return out


def groups(links: Sequence[Link]) -> list[ClaimGroup]:
    """Connected components of the links, in a stable order."""
    sets = Sets()
    for link in links:
        sets.join(link.a, link.b)
    grouped: dict[Key, list[Link]] = {}
    for link in links:
        grouped.setdefault(sets.find(link.a), []).append(link)
    return sorted(
        (ClaimGroup(tuple(sorted(m)), tuple(sorted(grouped[r], key=lambda l: (l.a, l.b))))
         for r, m in sets.members().items()),
        key=lambda g: g.members,
    )


def claims_stated(links: Sequence[Link]) -> list[tuple[Key, ...]]:
    """The claims a set of agreeing links states, each as its sentences, sorted.

    Links are loose on purpose, so a chain of them joins claims that are not the
    same (one group of a 100-source story held 1,699 sentences). Strongest links
    first, two sets join only if no source has a sentence in both: a source tells
    a claim once, and two claims most sources tell share sources. A sentence left
    out (its source's place was taken: one claim told in two sentences) joins the
    set of its best partner, so every agreeing sentence is in one claim.
    """
    ordered = sorted(links, key=lambda l: (-l.score, l.a, l.b))
    sets = Sets()
    told: dict[Key, int] = {}  # root -> bit mask of the sources its set holds
    for link in ordered:
        ra, rb = sets.find(link.a), sets.find(link.b)
        ma, mb = told.get(ra, 1 << ra[0]), told.get(rb, 1 << rb[0])
        if ra != rb and not ma & mb:
            told[sets.join(ra, rb)] = ma | mb
    alone = {key for key in sets.parent if sets.find(key) == key and key not in told}
    best: dict[Key, Key] = {}
    for link in ordered:  # strongest first: the first partner seen is the best
        for key, other in ((link.a, link.b), (link.b, link.a)):
            if key in alone and key not in best:
                best[key] = other
    for key, other in best.items():
        sets.join(key, sets.find(other))
    return sorted(tuple(sorted(m)) for m in sets.members().values())
