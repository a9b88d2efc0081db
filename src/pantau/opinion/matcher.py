"""Compiled topic queries: tokenise a mention once, then test many topics against it.

`compile_query(text)` returns a Query whose `matches(doc)` decides one query; `TopicMatcher` holds
many topics and returns the ids a Document matches, evaluating only the topics whose required words
occur in the document (prefilter by an inverted index of "at least one of these words" sets).
"""

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .query import And, Near, Node, Not, Or, Phrase, Prefix, Site, Term, fold, parse, words

_TEXT_OFFSET = 100_000  # text positions start here so a phrase never spans title and text


class Document:
    """One mention's fields, tokenised once; sets and positions are built only when asked for."""

    __slots__ = ("_fields", "site", "body_set", "_sets", "_pos", "_sorted")

    def __init__(self, text: str = "", title: str = "", site: str = "", author: str = "", source: str = ""):
        t, x = words(title), words(text)
        self._fields = {"title": t, "text": x, "author": author, "source": source}
        self.body_set = set(t)
        self.body_set.update(x)
        site = fold(site).strip().strip(".")
        self.site = site[4:] if site.startswith("www.") else site
        self._sets: dict = {}
        self._pos: dict = {}
        self._sorted: dict = {}

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
        found = self._sets.get(field)
        if found is None:
            found = self._sets[field] = set(self.words_of(field))
        return found

    def positions(self, field: str | None) -> dict[str, list[int]]:
        """word -> its positions in the field (body = title then text, far apart)."""
        found = self._pos.get(field)
        if found is None:
            found = self._pos[field] = {}
            if field is None:
                seq = list(enumerate(self._fields["title"]))
                seq += list(enumerate(self._fields["text"], _TEXT_OFFSET))
            else:
                seq = list(enumerate(self.words_of(field)))
            for i, w in seq:
                found.setdefault(w, []).append(i)
        return found

    def with_prefix(self, field: str | None, stem: str) -> list[str]:
        """The distinct words of the field that start with stem."""
        ordered = self._sorted.get(field)
        if ordered is None:
            ordered = self._sorted[field] = sorted(self.word_set(field))
        out, i = [], bisect_left(ordered, stem)
        while i < len(ordered) and ordered[i].startswith(stem):
            out.append(ordered[i])
            i += 1
        return out


Test = Callable[[Document], bool]


def _spans(node: Node, doc: Document) -> list[tuple[int, int]]:
    """Where a word, prefix, phrase or OR-group of them occurs: (first, last) word positions."""
    if isinstance(node, Or):
        return [s for child in node.children for s in _spans(child, doc)]
    pos = doc.positions(node.field)
    if isinstance(node, Term):
        return [(p, p) for p in pos.get(node.word, ())]
    if isinstance(node, Prefix):
        return [(p, p) for w in doc.with_prefix(node.field, node.stem) for p in pos[w]]
    n = len(node.words)
    rest = [set(pos.get(w, ())) for w in node.words[1:]]
    return [(p, p + n - 1) for p in pos.get(node.words[0], ())
            if all(p + k + 1 in later for k, later in enumerate(rest))]


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
        return lambda d: bool(d.with_prefix(node.field, node.stem))
    if isinstance(node, Phrase):
        needed = set(node.words)
        return lambda d: needed <= d.word_set(node.field) and bool(_spans(node, d))
    if isinstance(node, Site):
        domain = node.domain
        return lambda d: d.site == domain or d.site.endswith("." + domain) or (
            "." not in domain and domain in d.site.split("."))
    if isinstance(node, Near):
        left, right, n = node.left, node.right, node.distance
        return lambda d: _near(_spans(left, d), _spans(right, d), n)
    if isinstance(node, Not):
        inner = compile_node(node.child)
        return lambda d: not inner(d)
    parts = [compile_node(c) for c in node.children]
    if isinstance(node, And):
        return lambda d: all(p(d) for p in parts)
    return lambda d: any(p(d) for p in parts)


def required_words(node: Node) -> frozenset[str] | None:
    """Words of which at least one must be in the title or text for the node to match; None when
    no such set exists (NOT, prefixes, fields other than title)."""
    if isinstance(node, Term | Phrase):
        if node.field not in (None, "title"):
            return None
        return frozenset([node.word]) if isinstance(node, Term) else frozenset([max(node.words, key=len)])
    if isinstance(node, Near):
        return required_words(node.left) or required_words(node.right)
    if isinstance(node, And):
        sets = [s for s in map(required_words, node.children) if s is not None]
        return min(sets, key=len) if sets else None
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
    """Many topics' compiled queries; `match(doc)` returns the matching topic ids in order."""

    def __init__(self, topics: Iterable[tuple[object, Query]]):
        self.topics = list(topics)
        self.index: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (_, query) in enumerate(self.topics):
            if query.required is None:
                self.always.append(i)
            for word in query.required or ():
                self.index.setdefault(word, []).append(i)
        self.vocabulary = frozenset(self.index)

    def match(self, doc: Document) -> list:
        hits = self.vocabulary.intersection(doc.body_set)
        if not hits and not self.always:
            return []
        candidates = set(self.always)
        for word in hits:
            candidates.update(self.index[word])
        return [self.topics[i][0] for i in sorted(candidates) if self.topics[i][1].test(doc)]
