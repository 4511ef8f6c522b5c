"""Resolve spellings of places to canonical places, with explanations."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy
from rapidfuzz import fuzz, process

from .._errors import InvalidClaimError
from ._builtin import builtin_gazetteer as _bundled_gazetteer
from ._gazetteer import Gazetteer, GazetteerEntry
from ._index import (
    BUILTIN_GAZETTEER,
    FUZZY,
    GAZETTEER,
    NORMALIZED,
    ROMANIZATION,
    RULE_ORDER,
    SHORT_FORM,
    Merge,
    Place,
    PlaceIndex,
)
from ._normalize import (
    GENERIC_WORDS,
    QUALIFIER_WORDS,
    TokenShape,
    analyze_token,
    article_positions,
    normalize_place,
    slots_compatible,
)

__all__ = ["FUZZY_MIN_SCORE", "resolve_places"]

#: Minimum rapidfuzz ratio (0-100) of the words that differ, for the fuzzy rule.
FUZZY_MIN_SCORE = 85.0


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller index stays root, so roots do not depend on merge order.
            self.parent[max(ra, rb)] = min(ra, rb)


_Edge = tuple[int, int, str, float]


def _edge_order(edge: _Edge) -> tuple[float, int, int, int]:
    return (-edge[3], RULE_ORDER[edge[2]], edge[0], edge[1])


def _links_strangers(linked: set[int], neighbours: Mapping[int, set[int]]) -> bool:
    """Whether two of the ``linked`` groups are not linked to each other."""
    return any(not linked - {other} <= neighbours[other] for other in linked)


def _has_digit(token: str) -> bool:
    return any(ch.isdigit() for ch in token)


def _is_generic(token: str) -> bool:
    return token in GENERIC_WORDS


# The bundled gazetteer's spellings come back in every resolution: their analysis
# is kept rather than redone (both functions are pure).
@functools.lru_cache(maxsize=16384)
def _token_shape(token: str) -> TokenShape:
    return analyze_token(token)


@functools.lru_cache(maxsize=4096)
def _curated_keys(entry: GazetteerEntry) -> tuple[tuple[str, str, frozenset[int]], ...]:
    """Each name of a gazetteer entry with its key and the positions an article preceded."""
    return tuple(
        (spelling, normalize_place(spelling), article_positions(spelling))
        for spelling in entry.names
    )


class _Resolver:
    """The working state of one resolution: keys, their shapes, and the union-find."""

    def __init__(
        self,
        keys: list[str],
        entry_of: dict[int, int],
        articled: list[frozenset[int]],
        whole: frozenset[int] = frozenset(),
    ) -> None:
        self.keys = keys
        self.entry_of = entry_of
        self.articled = articled
        # Keys that are whole names, never the short form of a longer one.
        self.whole = whole
        shape_cache: dict[str, TokenShape] = {}
        self.tokens: list[tuple[str, ...]] = []
        self.shapes: list[tuple[TokenShape, ...]] = []
        for key in keys:
            tokens = tuple(key.split(" "))
            shapes = []
            # A name with a digit is a code or a numbered part ("Ramouseh 2",
            # "UA-1234"): its words are compared as written, never by sound.
            literal = any(ch.isdigit() for ch in key)
            for token in tokens:
                if literal:
                    shapes.append(TokenShape("#" + token, (), "#" + token))
                    continue
                shape = shape_cache.get(token)
                if shape is None:
                    shape = shape_cache[token] = _token_shape(token)
                shapes.append(shape)
            self.tokens.append(tokens)
            self.shapes.append(tuple(shapes))
        # Shapes are shared per token, so identities key the cache of token comparisons.
        self._shape_cache = shape_cache
        self._compatible_cache: dict[tuple[int, int], bool] = {}
        self.uf = _UnionFind(len(keys))
        self.tree_edges: list[_Edge] = []

    # -- candidate edges -------------------------------------------------------

    def _compatible(self, a: TokenShape, b: TokenShape) -> bool:
        if a is b:
            return True
        pair = (id(a), id(b))
        known = self._compatible_cache.get(pair)
        if known is None:
            known = self._compatible_cache[pair] = slots_compatible(a, b)
        return known

    def _tokens_compatible(self, i: int, j: int) -> bool:
        pairs = zip(self.shapes[i], self.shapes[j], strict=True)
        return all(self._compatible(a, b) for a, b in pairs)

    def _curated_only(self, block: list[int]) -> bool:
        return all(i in self.entry_of for i in block)

    def learned_edges(self) -> list[_Edge]:
        """Candidate merges by the romanization and fuzzy rules.

        A pair of gazetteer spellings is never a candidate: spellings of one entry
        are joined already and those of two entries are never joined.
        """
        strict_blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
        loose_blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for index, shapes in enumerate(self.shapes):
            strict_blocks[tuple(s.skeleton for s in shapes)].append(index)
            loose_blocks[tuple(s.loose for s in shapes)].append(index)
        curated = self.entry_of
        edges: list[_Edge] = []
        for block in strict_blocks.values():
            if len(block) < 2 or self._curated_only(block):
                continue
            for position, i in enumerate(block):
                for j in block[position + 1 :]:
                    if (i in curated and j in curated) or not self._tokens_compatible(i, j):
                        continue
                    score = fuzz.ratio(self.keys[i], self.keys[j])
                    edges.append((i, j, ROMANIZATION, round(score, 1)))
        for block in loose_blocks.values():
            if len(block) < 2 or self._curated_only(block):
                continue
            by_strict: dict[tuple[str, ...], list[int]] = defaultdict(list)
            for i in block:
                by_strict[tuple(s.skeleton for s in self.shapes[i])].append(i)
            if len(by_strict) < 2:
                continue
            edges.extend(self._fuzzy_edges(block, by_strict))
        return edges

    def _fuzzy_edges(
        self, block: list[int], by_strict: Mapping[tuple[str, ...], list[int]]
    ) -> Iterator[_Edge]:
        """Fuzzy edges between the strict groups of one loose block."""
        group_of = {i: number for number, group in enumerate(by_strict.values()) for i in group}
        texts = [self._candidate_text(i) for i in block]
        # One vectorized pass over whole names finds the candidates (the ratio of whole
        # names is at least that of the words that differ); few survive the cut-off.
        scores = process.cdist(
            texts, texts, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, workers=1
        )
        rows, columns = numpy.nonzero(numpy.triu(scores, k=1))
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            i, j = block[row], block[column]
            if group_of[i] != group_of[j] and not (i in self.entry_of and j in self.entry_of):
                edge = self._fuzzy_edge(i, j)
                if edge is not None:
                    yield edge

    def _fuzzy_edge(self, i: int, j: int) -> _Edge | None:
        """A fuzzy edge between keys of one loose and different strict skeletons, if similar.

        Words that share a strict skeleton must still agree on their vowels.
        """
        for a, b in zip(self.shapes[i], self.shapes[j], strict=True):
            if a.skeleton == b.skeleton and not self._compatible(a, b):
                return None
        pairs = zip(self.tokens[i], self.tokens[j], self.shapes[i], self.shapes[j], strict=True)
        differing = [(x, y) for x, y, a, b in pairs if a.skeleton != b.skeleton]
        score = fuzz.ratio(
            " ".join(x for x, _ in differing),
            " ".join(y for _, y in differing),
            score_cutoff=FUZZY_MIN_SCORE,
        )
        return (min(i, j), max(i, j), FUZZY, round(score, 1)) if score else None

    def _candidate_text(self, i: int) -> str:
        return " ".join(t for t in self.tokens[i] if not _is_generic(t))

    # -- clustering --------------------------------------------------------------

    def cluster(self, edges: list[_Edge]) -> None:
        """Join the groups that learned edges link, unless a group is ambiguous.

        A group is ambiguous when two of the groups it links to are not linked to
        each other (``Karm`` between ``Karam`` and ``Karim``): it then joins none,
        so every place the rules build is a clique of mutually compatible groups.
        """
        find = self.uf.find
        best: dict[tuple[int, int], _Edge] = {}
        for edge in sorted(edges, key=_edge_order):
            ra, rb = find(edge[0]), find(edge[1])
            if ra == rb or (self._entry(ra) is not None and self._entry(rb) is not None):
                continue
            pair = (min(ra, rb), max(ra, rb))
            best.setdefault(pair, edge)
        neighbours: dict[int, set[int]] = defaultdict(set)
        for ra, rb in best:
            neighbours[ra].add(rb)
            neighbours[rb].add(ra)
        ambiguous = {
            node for node, linked in neighbours.items() if _links_strangers(linked, neighbours)
        }
        for (ra, rb), edge in sorted(best.items(), key=lambda item: _edge_order(item[1])):
            if ra in ambiguous or rb in ambiguous:
                continue
            self._join(edge)

    def _entry(self, root: int) -> int | None:
        return self.entry_of.get(root)

    def _join(self, edge: _Edge) -> bool:
        ra, rb = self.uf.find(edge[0]), self.uf.find(edge[1])
        if ra == rb:
            return False
        entry_a, entry_b = self._entry(ra), self._entry(rb)
        if entry_a is not None and entry_b is not None and entry_a != entry_b:
            return False
        self.uf.union(ra, rb)
        root = self.uf.find(ra)
        entry = entry_a if entry_a is not None else entry_b
        if entry is not None:
            self.entry_of[root] = entry
        self.tree_edges.append(edge)
        return True

    def short_forms(self) -> None:
        """Join a name to the one longer place whose name begins with its words.

        The longer name must continue with an article (``Majbal al-Zeft``): the
        construct "X of the Y" is the one whose head is used alone. A spelling
        of the bundled gazetteer is a whole name and never the short one: the
        city of Raqqa is not short for a village called Raqqa al-Samra.
        """
        find = self.uf.find
        by_prefix: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for index, tokens in enumerate(self.tokens):
            for length in range(1, len(tokens)):
                if length in self.articled[index]:
                    by_prefix[tokens[:length]].append(index)
        targets: dict[int, dict[int, _Edge]] = defaultdict(dict)
        for i, tokens in enumerate(self.tokens):
            if i in self.whole or all(_is_generic(t) for t in tokens):
                continue
            for j in by_prefix.get(tokens, ()):
                extra = self.tokens[j][len(tokens) :]
                if any(t in QUALIFIER_WORDS or _has_digit(t) for t in (*tokens, *extra)):
                    continue
                root_i, root_j = find(i), find(j)
                if root_i == root_j:
                    continue
                score = round(fuzz.ratio(self.keys[i], self.keys[j]), 1)
                edge = (i, j, SHORT_FORM, score)
                known = targets[root_i].get(root_j)
                if known is None or _edge_order(edge) < _edge_order(known):
                    targets[root_i][root_j] = edge
        accepted: dict[int, list[tuple[int, _Edge]]] = defaultdict(list)
        for root_i, by_target in targets.items():
            if len(by_target) == 1:
                ((root_j, edge),) = by_target.items()
                accepted[root_j].append((root_i, edge))
        for root_j, shorts in sorted(accepted.items()):
            entries = {self._entry(root_j)} | {self._entry(root_i) for root_i, _ in shorts}
            entries.discard(None)
            for root_i, edge in sorted(shorts, key=lambda item: _edge_order(item[1])):
                if len(entries) > 1 and self._entry(root_i) is not None:
                    continue  # two curated places would meet through one long name
                self._join(edge)


def _display_order(weights: Mapping[str, int]) -> Any:
    def order(spelling: str) -> tuple[int, int, str, str]:
        return (-weights.get(spelling, 0), -len(spelling.split()), spelling.casefold(), spelling)

    return order


def _spelling_weights(names: Iterable[str], counts: Mapping[str, int] | None) -> dict[str, int]:
    seen: Counter[str] = Counter()
    for name in names:
        if not isinstance(name, str):
            raise InvalidClaimError("place", "a string", name)
        seen[name] += 1
    if counts is None:
        return dict(seen)
    weights: dict[str, int] = {}
    for name in seen:
        count = counts.get(name, 0)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InvalidClaimError(f"counts[{name!r}]", "a whole number >= 0", count)
        weights[name] = count
    return weights


def resolve_places(
    names: Iterable[str],
    *,
    gazetteer: Gazetteer | None = None,
    builtin_gazetteer: bool = True,
    counts: Mapping[str, int] | None = None,
) -> PlaceIndex:
    """Group spellings of places into canonical places.

    Rules, applied in this order (see ``docs/places.md``):

    1. ``normalized``: equal :func:`normalize_place` keys.
    2. ``gazetteer`` (``builtin-gazetteer`` for a spelling of the bundled
       gazetteer): a spelling that normalizes like a gazetteer name or alias
       belongs to that entry; the entry's names are one place.
    3. ``romanization``: every word has the same consonant skeleton, and one
       word's vowels are contained in the other's (``Karm``/``Karam``,
       ``Trab``/``Turab``, ``Breij``/``Bureij``).
    4. ``fuzzy``: similar consonants and a rapidfuzz ratio of at least
       :data:`FUZZY_MIN_SCORE` over the words that differ.
    5. ``short-form``: a name whose words begin exactly one longer known place
       (``Al-Majbal`` -> ``Majbal al-Zeft``), unless the rest of the longer name
       is a facility, direction or size word.

    Rules 3 and 4 never join a group that links two groups not linked to each
    other, no learned rule joins two gazetteer entries, and a spelling of the
    bundled gazetteer is never taken as the short form of a longer name.

    Parameters
    ----------
    names : iterable of str
        Spellings, repeated or not (repetitions count as occurrences).
    gazetteer : Gazetteer, optional
        Curated places that override and extend what is learned. They extend
        the bundled gazetteer and win where the two meet
        (:meth:`Gazetteer.extended_by`).
    builtin_gazetteer : bool
        Whether to use the bundled gazetteer of exonyms
        (:func:`~claimgraph.places.builtin_gazetteer`; default ``True``).
    counts : mapping of str to int, optional
        How often each spelling occurs (instead of counting ``names``); the most
        frequent spelling names a place that has no gazetteer entry.

    Returns
    -------
    PlaceIndex

    Raises
    ------
    InvalidClaimError
        If a name is not a string or has no letter or digit, a count is not a
        whole number >= 0, or ``builtin_gazetteer`` is not ``True`` or ``False``.

    Examples
    --------
    >>> index = resolve_places(["Karam al Qasr", "Karm al-Qasr", "Karm al-Qasr",
    ...                         "Karm al-Jabal", "Al-Majbal", "Majbal al-Zeft"])
    >>> [(p.name, p.variants) for p in index.places]
    [('Karm al-Jabal', ('Karm al-Jabal',)), ('Karm al-Qasr', ('Karm al-Qasr', 'Karam al Qasr')),
     ('Majbal al-Zeft', ('Majbal al-Zeft', 'Al-Majbal'))]
    >>> index.key_of("Karam al-Qasr")
    'karm-qasr'
    >>> [(m.a, m.b, m.rule) for m in index.explain("Al-Majbal", "Majbal al-Zeft")]
    [('Al-Majbal', 'Majbal al-Zeft', 'short-form')]

    Translated names meet through the bundled gazetteer, unless it is turned off:

    >>> index = resolve_places(["Palmira", "Tadmur", "Palmyra"])
    >>> [(p.name, p.variants, p.lat, p.lon) for p in index.places]
    [('Palmyra', ('Palmira', 'Palmyra', 'Tadmur'), 34.56, 38.28)]
    >>> [(m.a, m.b, m.rule) for m in index.explain("Palmira", "Tadmur")]
    [('Palmira', 'Palmyra', 'builtin-gazetteer'), ('Palmyra', 'Tadmur', 'builtin-gazetteer')]
    >>> index = resolve_places(["Palmira", "Tadmur", "Palmyra"], builtin_gazetteer=False)
    >>> [p.variants for p in index.places]  # only a vowel tells Palmira from Palmyra
    [('Palmira', 'Palmyra'), ('Tadmur',)]
    """
    weights = _spelling_weights(names, counts)
    order = _display_order(weights)
    key_of_spelling = {spelling: normalize_place(spelling) for spelling in weights}
    spellings_of: dict[str, list[str]] = defaultdict(list)
    for spelling in sorted(weights, key=order):
        spellings_of[key_of_spelling[spelling]].append(spelling)

    if not isinstance(builtin_gazetteer, bool):
        raise InvalidClaimError("builtin_gazetteer", "True or False", builtin_gazetteer)
    bundled = _bundled_gazetteer() if builtin_gazetteer else None
    curated_places = _combined(bundled, gazetteer)
    entries: tuple[GazetteerEntry, ...] = () if curated_places is None else curated_places.entries
    gazetteer_spelling: dict[str, str] = {}
    entry_of_key: dict[str, int] = {}
    # The rule that names a merge through a curated spelling: whose spelling it is.
    curated_rule: dict[str, str] = {}
    curated_keys = [_curated_keys(curated) for curated in entries]
    for number, names_of_entry in enumerate(curated_keys):
        for spelling, key, _ in names_of_entry:
            gazetteer_spelling.setdefault(key, spelling)
            entry_of_key[key] = number
            curated_rule[key] = _rule_of_curated(key, bundled, gazetteer)

    keys = sorted(set(spellings_of) | set(gazetteer_spelling))
    position = {key: index for index, key in enumerate(keys)}
    articled: dict[str, set[int]] = defaultdict(set)
    for spelling, key in key_of_spelling.items():
        articled[key] |= article_positions(spelling)
    for names_of_entry in curated_keys:
        for _, key, positions in names_of_entry:
            articled[key] |= positions
    resolver = _Resolver(
        keys,
        {position[k]: e for k, e in entry_of_key.items()},
        [frozenset(articled.get(key, ())) for key in keys],
        frozenset(position[k] for k, rule in curated_rule.items() if rule == BUILTIN_GAZETTEER),
    )

    entry_key: dict[int, str] = {}
    for entry_number, names_of_entry in enumerate(curated_keys):
        entry_key[entry_number] = names_of_entry[0][1]
        first = position[entry_key[entry_number]]
        for _, alias_key, _ in names_of_entry[1:]:
            other = position[alias_key]
            if other != first:
                resolver._join((first, other, curated_rule[alias_key], 100.0))

    resolver.cluster(resolver.learned_edges())
    resolver.short_forms()

    # Each key is shown by one spelling: the gazetteer's, else its most frequent.
    representative = {key: gazetteer_spelling.get(key) or spellings_of[key][0] for key in keys}
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(keys)):
        members[resolver.uf.find(index)].append(index)
    edges_of: dict[int, list[_Edge]] = defaultdict(list)
    for edge in resolver.tree_edges:
        edges_of[resolver.uf.find(edge[0])].append(edge)

    places: list[Place] = []
    lookup: dict[str, Place] = {}
    key_lookup: dict[str, Place] = {}
    trees: dict[str, dict[str, list[tuple[str, Merge]]]] = {}
    for root, group in members.items():
        spellings = [s for i in group for s in spellings_of.get(keys[i], ())]
        if not spellings:
            continue  # a gazetteer entry that no input names
        entry_of_root = resolver.entry_of.get(root)
        entry = entries[entry_of_root] if entry_of_root is not None else None
        variants = tuple(sorted(spellings, key=order))
        name = entry.name if entry is not None else variants[0]
        tree = _merge_tree(group, keys, representative, spellings_of, curated_rule,
                           edges_of[root])  # fmt: skip
        place = Place(
            id=(
                entry_key[entry_of_root] if entry_of_root is not None else key_of_spelling[name]
            ).replace(" ", "-"),
            name=name,
            variants=variants,
            merges=_pruned_merges(tree, name, set(variants)),
            parent=entry.parent if entry is not None else None,
            lat=entry.lat if entry is not None else None,
            lon=entry.lon if entry is not None else None,
        )
        places.append(place)
        trees[place.id] = tree
        for spelling in spellings:
            lookup[spelling] = place
        for i in group:
            key_lookup[keys[i]] = place
    return PlaceIndex(places, lookup, key_lookup, trees, representative)


def _combined(bundled: Gazetteer | None, own: Gazetteer | None) -> Gazetteer | None:
    """The gazetteer resolution uses: the bundled one extended by ``own``, or either alone."""
    if bundled is None or own is None:
        return own if bundled is None else bundled
    return bundled.extended_by(own)


def _rule_of_curated(key: str, bundled: Gazetteer | None, own: Gazetteer | None) -> str:
    """``builtin-gazetteer`` for a spelling only the bundled gazetteer has, else ``gazetteer``."""
    from_bundle = bundled is not None and bundled.index_of_key(key) is not None
    if from_bundle and (own is None or own.index_of_key(key) is None):
        return BUILTIN_GAZETTEER
    return GAZETTEER


def _merge_tree(
    group: list[int],
    keys: list[str],
    representative: Mapping[str, str],
    spellings_of: Mapping[str, list[str]],
    curated_rule: Mapping[str, str],
    edges: list[_Edge],
) -> dict[str, list[tuple[str, Merge]]]:
    """The spanning tree of a place over spellings: spelling links, then key links."""
    tree: dict[str, list[tuple[str, Merge]]] = defaultdict(list)

    def link(merge: Merge) -> None:
        tree[merge.a].append((merge.b, merge))
        tree[merge.b].append((merge.a, merge))

    for i in group:
        key = keys[i]
        rep = representative[key]
        tree.setdefault(rep, [])
        rule = curated_rule.get(key, NORMALIZED)
        for spelling in spellings_of.get(key, ()):
            if spelling != rep:
                link(Merge(rep, spelling, rule, 100.0))
    for a, b, rule, score in edges:
        link(Merge(representative[keys[a]], representative[keys[b]], rule, score))
    return dict(tree)


def _pruned_merges(
    tree: Mapping[str, list[tuple[str, Merge]]], name: str, keep: set[str]
) -> tuple[Merge, ...]:
    """The merges connecting the variants and the display name, from the name outwards."""
    if len(tree) <= 1:
        return ()
    keep = keep | {name}
    degree = {node: len(links) for node, links in tree.items()}
    removed: set[str] = set()
    stack = [node for node, d in degree.items() if d <= 1 and node not in keep]
    while stack:
        node = stack.pop()
        if node in removed:
            continue
        removed.add(node)
        for neighbour, _ in tree[node]:
            if neighbour not in removed:
                degree[neighbour] -= 1
                if degree[neighbour] <= 1 and neighbour not in keep:
                    stack.append(neighbour)
    merges: list[Merge] = []
    seen = {name}
    queue = deque([name])
    while queue:
        node = queue.popleft()
        for neighbour, merge in sorted(tree.get(node, ()), key=lambda link: link[0]):
            if neighbour in removed or neighbour in seen:
                continue
            seen.add(neighbour)
            merges.append(merge)
            queue.append(neighbour)
    return tuple(merges)
