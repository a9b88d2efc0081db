"""Compiled topic queries: tokenise a mention once, then test many topics against it.

`compile_query(text)` returns a Query whose `matches(doc)` decides one query; `TopicMatcher` holds
many topics and returns the ids a Document matches, evaluating only the topics whose required words
occur in the document (prefilter by an inverted index of "at least one of these words" sets).
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .query import And, Near, Node, Not, Or, Phrase, Prefix, Site, Term, fold, parse, words

_TEXT_OFFSET = 100_000  # text positions start here so a phrase never spans title and text


class Document:
    """One mention's fields, tokenised once; sets and positions are built only when asked for."""

    __slots__ = ("_fields", "site", "body_set", "_cache")

    def __init__(self, text: str = "", title: str = "", site: str = "", author: str = "", source: str = ""):
        t, x = words(title), words(text)
        self._fields = {"title": t, "text": x, "author": author, "source": source}
        self.body_set = set(t)
        self.body_set.update(x)
        if site:
            site = fold(site).strip().strip(".")
            site = site[4:] if site.startswith("www.") else site
        self.site = site
        self._cache: dict = {}  # (what, field) -> a set, joined text, sorted words or prefixes

    def words_of(self, field: str | None) -> list[str]:
        if field is None:
            return self._fields["title"] + self._fields["text"]
        value = self._fields[field]
        if isinstance(value, str):
            value = self._fields[field] = words(value)
        return value

    def word_set(self, field: str | None) -> set[str]:
        if field is None:
            return self.body_set
        found = self._cache.get(("set", field))
        if found is None:
            found = self._cache[("set", field)] = set(self.words_of(field))
        return found

    def positions(self, field: str | None, wanted: set[str]) -> dict[str, list[int]]:
        """word -> its positions in the field, for the wanted words only (body = title, then text
        from _TEXT_OFFSET on, so that NEAR never joins the two)."""
        found: dict[str, list[int]] = {}
        runs = ((0, self._fields["title"]), (_TEXT_OFFSET, self._fields["text"])) if field is None \
            else ((0, self.words_of(field)),)
        for start, seq in runs:
            for i, w in enumerate(seq, start):
                if w in wanted:
                    at = found.get(w)
                    if at is None:
                        found[w] = [i]
                    else:
                        at.append(i)
        return found

    def joined(self, field: str | None) -> str:
        """The field's words between single spaces, with spaces at both ends; in the body a "|"
        stands between title and text so that no phrase spans both."""
        found = self._cache.get(field)
        if found is None:
            if field is None:
                found = " " + " ".join(self._fields["title"]) + " | " + " ".join(self._fields["text"]) + " "
            else:
                found = " " + " ".join(self.words_of(field)) + " "
            self._cache[field] = found
        return found

    def has_prefix(self, field: str | None, stem: str) -> bool:
        """Whether a word of the field starts with stem (a substring search, in C)."""
        return " " + stem in self.joined(field)

    def has_phrase(self, field: str | None, phrase: str) -> bool:
        """Whether the words of phrase (" a b ", spaces around) stand side by side in the field."""
        return phrase in self.joined(field)

    def prefixes(self, field: str | None, length: int) -> set[str]:
        """The first `length` letters of every word of the field that is at least that long."""
        key = ("prefixes", field, length)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = {w[:length] for w in self.word_set(field) if len(w) >= length}
        return found

    def with_prefix(self, field: str | None, stem: str) -> list[str]:
        """The distinct words of the field that start with stem."""
        ordered = self._cache.get(("sorted", field))
        if ordered is None:
            ordered = self._cache[("sorted", field)] = sorted(self.word_set(field))
        out, i = [], bisect_left(ordered, stem)
        while i < len(ordered) and ordered[i].startswith(stem):
            out.append(ordered[i])
            i += 1
        return out


Test = Callable[[Document], bool]


def _leaves(node: Node) -> list[Node]:
    return [leaf for c in node.children for leaf in _leaves(c)] if isinstance(node, Or) else [node]


def _spans(node: Node, doc: Document, pos: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Where a word, prefix, phrase or OR-group of them occurs: (first, last) word positions."""
    if isinstance(node, Or):
        return [s for child in node.children for s in _spans(child, doc, pos)]
    if isinstance(node, Term):
        return [(p, p) for p in pos.get(node.word, ())]
    if isinstance(node, Prefix):
        return [(p, p) for w in doc.with_prefix(node.field, node.stem) for p in pos.get(w, ())]
    n = len(node.words)
    rest = [set(pos.get(w, ())) for w in node.words[1:]]
    return [(p, p + n - 1) for p in pos.get(node.words[0], ())
            if all(p + k + 1 in later for k, later in enumerate(rest))]


def _compile_near(node: Near) -> Test:
    left, right, n = node.left, node.right, node.distance
    need_left, need_right = compile_node(left), compile_node(right)
    leaves = _leaves(left) + _leaves(right)
    field = leaves[0].field
    fixed = {w for leaf in leaves if isinstance(leaf, Term | Phrase) for w in getattr(leaf, "words", (getattr(leaf, "word", ""),))}
    stems = [leaf.stem for leaf in leaves if isinstance(leaf, Prefix)]

    def test(d: Document) -> bool:
        if not (need_left(d) and need_right(d)):
            return False
        wanted = set(fixed)
        for stem in stems:
            wanted.update(d.with_prefix(field, stem))
        pos = d.positions(field, wanted)
        return _near(_spans(left, d, pos), _spans(right, d, pos), n)

    return test


def _near(left: list, right: list, distance: int) -> bool:
    for s1, e1 in left:
        for s2, e2 in right:
            between = s2 - e1 - 1 if e1 < s2 else s1 - e2 - 1 if e2 < s1 else -1
            if 0 <= between <= distance:
                return True
    return False


def compile_node(node: Node) -> Test:
    """A function deciding whether a Document matches the node."""
    if isinstance(node, Term):
        word, field = node.word, node.field
        if field is None:
            return lambda d: word in d.body_set
        return lambda d: word in d.word_set(field)
    if isinstance(node, Prefix):
        stem, field = " " + node.stem, node.field
        return lambda d: stem in d.joined(field)
    if isinstance(node, Phrase):
        phrase, field = " " + " ".join(node.words) + " ", node.field
        return lambda d: phrase in d.joined(field)
    if isinstance(node, Site):
        domain = node.domain
        return lambda d: d.site == domain or d.site.endswith("." + domain) or (
            "." not in domain and domain in d.site.split("."))
    if isinstance(node, Near):
        return _compile_near(node)
    if isinstance(node, Not):
        inner = compile_node(node.child)
        return lambda d: not inner(d)
    return _compile_group(node)


def _compile_group(node: And | Or) -> Test:
    """AND/OR; plain words of the title and text are checked together as one set operation."""
    words_here = frozenset(c.word for c in node.children if isinstance(c, Term) and c.field is None)
    parts = [compile_node(c) for c in node.children if not (isinstance(c, Term) and c.field is None)]
    if isinstance(node, And):
        if words_here:
            parts.insert(0, lambda d: words_here <= d.body_set)
        return _all(parts)
    if words_here:
        parts.insert(0, lambda d: not words_here.isdisjoint(d.body_set))
    return _any(parts)


# Unrolled for the common short cases: generator expressions cost more than the tests themselves.
def _all(parts: list[Test]) -> Test:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        return lambda d: a(d) and b(d)
    return lambda d: all(p(d) for p in parts)


def _any(parts: list[Test]) -> Test:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        return lambda d: a(d) or b(d)
    return lambda d: any(p(d) for p in parts)


def required_words(node: Node) -> frozenset[str] | None:
    """Words (or stems ending in "*") of which at least one must be in the title or text for the
    node to match; None when there is no such set (NOT, fields other than title)."""
    if isinstance(node, Term | Phrase | Prefix):
        if node.field not in (None, "title"):
            return None
        if isinstance(node, Prefix):
            return frozenset([node.stem + "*"])
        return frozenset([node.word]) if isinstance(node, Term) else frozenset([max(node.words, key=len)])
    if isinstance(node, Near):
        return required_words(node.left) or required_words(node.right)
    if isinstance(node, And):
        sets = [s for s in map(required_words, node.children) if s is not None]
        return min(sets, key=lambda s: (sum(w.endswith("*") for w in s), len(s))) if sets else None
    if isinstance(node, Or):
        sets = [required_words(c) for c in node.children]
        return None if any(s is None for s in sets) else frozenset().union(*sets)
    return None


@dataclass(frozen=True)
class Query:
    """A compiled query: `matches(doc)`; `required` feeds the prefilter."""

    text: str
    tree: Node
    test: Test
    required: frozenset[str] | None

    def matches(self, doc: Document) -> bool:
        return self.test(doc)


def compile_query(text: str, exclusions: str = "") -> Query:
    """Parse and compile a query (and its exclusions, if any); raises QueryError."""
    tree = parse(text)
    if exclusions and exclusions.strip():
        tree = And((tree, Not(parse(exclusions))))
    return Query(text, tree, compile_node(tree), required_words(tree))


class TopicMatcher:
    """Many topics' compiled queries; `match(doc)` returns the matching topic ids in order.

    A topic is evaluated only when one of its required words, or a word starting with one of its
    required stems, occurs in the document; topics without required words are always evaluated.
    """

    def __init__(self, topics: Iterable[tuple[object, Query]]):
        self.topics = list(topics)
        self.index: dict[str, list[int]] = {}
        self.stems: dict[int, dict[str, list[int]]] = {}  # stem length -> stem -> topics
        self.always: list[int] = []
        for i, (_, query) in enumerate(self.topics):
            if query.required is None:
                self.always.append(i)
            for key in query.required or ():
                if key.endswith("*"):
                    stem = key[:-1]
                    self.stems.setdefault(len(stem), {}).setdefault(stem, []).append(i)
                else:
                    self.index.setdefault(key, []).append(i)
        self.vocabulary = frozenset(self.index)
        # One regular expression finds every required stem at a word start of the body (in C);
        # longest first, and a found stem also wakes the topics of the shorter stems it starts with.
        all_stems = sorted((st for n in self.stems.values() for st in n), key=len, reverse=True)
        self.stem_re = re.compile(" (" + "|".join(map(re.escape, all_stems)) + ")") if all_stems else None
        self.stem_topics = {
            st: sorted({i for other in all_stems if st.startswith(other) for i in self.stems[len(other)][other]})
            for st in all_stems
        }

    def candidates(self, doc: Document) -> set[int]:
        found = set(self.always)
        for word in self.vocabulary.intersection(doc.body_set):
            found.update(self.index[word])
        if self.stem_re is not None:
            for stem in set(self.stem_re.findall(doc.joined(None))):
                found.update(self.stem_topics[stem])
        return found

    def match(self, doc: Document) -> list:
        found = self.candidates(doc)
        return [self.topics[i][0] for i in sorted(found) if self.topics[i][1].test(doc)]
