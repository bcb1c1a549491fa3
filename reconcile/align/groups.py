"""Links into groups: the connected sets the judge compares, and within a set of
agreeing links the claims it states, one each."""

from __future__ import annotations

from collections import Counter
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


def claims_stated(links: Sequence[Link], quorum: int) -> list[tuple[Key, ...]]:
    """The claims a set of agreeing links states, each as its sentences, sorted.

    Links are loose on purpose, so a chain of them joins claims that are not the
    same (one group of a 100-source story held 1,699 sentences; on real coverage a
    star's contract offers gathered another team's offer and another player's
    deal, each by one link). Strongest links first, two sets join only if no
    source has a sentence in both (a source tells a claim once, and two claims
    most sources tell share sources) and if enough links join them: half the
    pairs across, or ``quorum`` links (a claim a hundred sources tell has each
    sentence linked to a few of the others only). A sentence left out because its
    source's place was taken (one claim told in two sentences) joins the set it
    has a quorum of links to; a sentence that meets no quorum states no claim
    another source states.
    """
    ordered = sorted(links, key=lambda l: (-l.score, l.a, l.b))
    near: dict[Key, list[Key]] = {}
    for link in ordered:
        near.setdefault(link.a, []).append(link.b)
        near.setdefault(link.b, []).append(link.a)
    where = {key: key for key in near}  # sentence -> the set it is in, named by one of its sentences
    sets = {key: [key] for key in near}
    told = {key: 1 << key[0] for key in near}  # set -> bit mask of the sources it holds
    for link in ordered:
        ra, rb = where[link.a], where[link.b]
        if ra != rb and not told[ra] & told[rb] and _quorate(sets[ra], sets[rb], near, quorum):
            small, large = sorted((ra, rb), key=lambda r: len(sets[r]))
            for key in sets[small]:
                where[key] = large
            sets[large] += sets.pop(small)
            told[large] |= told.pop(small)
    claims = {root: _pruned(keys, near, quorum) for root, keys in sets.items() if len(keys) > 1}
    where = {key: root for root, keys in claims.items() for key in keys}
    for key in sorted(k for k in near if k not in where):
        root = next((where[other] for other in near[key] if other in where  # strongest partner first
                     and _quorate([key], claims[where[other]], near, quorum)), None)
        if root is not None:
            claims[root].append(key)
            where[key] = root
    return sorted(tuple(sorted(m)) for m in claims.values())


def _quorate(small: Sequence[Key], large: Sequence[Key], near: dict[Key, list[Key]], quorum: int) -> bool:
    """Do enough links join two sets of sentences: half the pairs across of
    sentences of two sources (a source's sentences are never linked), or ``quorum``?"""
    inside = set(large)
    across = sum(k in inside for key in small for k in near[key])
    per_source = Counter(k[0] for k in large)
    pairs = sum(len(large) - per_source[k[0]] for k in small)
    return across >= min(-(-pairs // 2), quorum)


def _pruned(keys: list[Key], near: dict[Key, list[Key]], quorum: int) -> list[Key]:
    """A set's sentences without those it took in early by one strong link: each
    keeps a quorum of links to the others, the worst left out first."""
    keys = list(keys)
    while len(keys) > 2:
        inside = set(keys)
        count = {key: sum(k in inside for k in near[key]) for key in keys}
        worst = min(keys, key=lambda key: (count[key], key))
        others = sum(k[0] != worst[0] for k in keys)
        if count[worst] >= min(-(-others // 2), quorum):
            break
        keys.remove(worst)
    return keys
