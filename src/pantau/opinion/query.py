"""The topic query language: parse a query into a tree, print a tree back as a query.

Grammar (precedence NOT > AND > OR; adjacent terms without an operator are joined by AND):

    query    := or_expr END
    or_expr  := and_expr ("OR" and_expr)*
    and_expr := not_expr (["AND"] not_expr)*
    not_expr := ("NOT" | "-") not_expr | near
    near     := atom ("NEAR/" n atom)*
    atom     := "(" or_expr ")" | FIELD ":" value | '"' phrase '"' | word | word"*"

Operators are written in capitals (`AND`, `OR`, `NOT`, `NEAR/3`); lower-case `and`/`or` are plain
words. Fields: `title:`, `site:`, `author:`, `source:`. Words are compared case- and
accent-insensitively and never stemmed: `jalan` matches only the word "jalan", `jalan*` also
"jalanan". Matching lives in opinion/matcher.py.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

FIELDS = ("title", "site", "author", "source")
_WORD_RE = re.compile(r"[^\W_]+")
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+")  # same words for ASCII text, measured 40% faster


def fold(text: str) -> str:
    """Lower-case text with accents removed ("Désa" -> "desa")."""
    text = text.lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of a text, in order: the unit of matching."""
    folded = fold(text)
    return (_ASCII_WORD_RE if folded.isascii() else _WORD_RE).findall(folded)


class QueryError(ValueError):
    """A query that cannot be parsed: `position` is 1-based, `expected` says what should be there."""

    def __init__(self, position: int, expected: str, found: str):
        self.position, self.expected, self.found = position, expected, found
        super().__init__(self.message())

    def message(self) -> str:
        """The message in the active language (Indonesian by default)."""
        return _("Query error at position %(position)d: expected %(expected)s, found %(found)s.") % {
            "position": self.position, "expected": _(self.expected), "found": self.found,
        }


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages knows the name) without needing settings."""
    return message


# Descriptions of what was expected; translated when the message is built.
EXPECT_TERM = gettext_noop("a word, a phrase in quotes, a field or '('")
EXPECT_CLOSE = gettext_noop("')'")
EXPECT_QUOTE = gettext_noop("a closing quote")
EXPECT_END = gettext_noop("an operator or the end of the query")
EXPECT_NEAR_N = gettext_noop("a number after NEAR/ (for example NEAR/5)")
EXPECT_NEAR_OPERAND = gettext_noop("a word, a phrase or an OR-group of them beside NEAR")
EXPECT_VALUE = gettext_noop("a value after the field")
EXPECT_WORD = gettext_noop("letters or digits")


# ---- the tree ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    word: str
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    stem: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True)
class Site:
    domain: str


@dataclass(frozen=True)
class Near:
    left: "Node"
    right: "Node"
    distance: int


@dataclass(frozen=True)
class Not:
    child: "Node"


@dataclass(frozen=True)
class And:
    children: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    children: tuple["Node", ...]


Node = Term | Prefix | Phrase | Site | Near | Not | And | Or


def to_query(node: Node) -> str:
    """The node as query text; parse(to_query(n)) == n."""
    if isinstance(node, Term | Prefix | Phrase):
        if isinstance(node, Phrase):
            body = '"' + " ".join(node.words) + '"'
        else:
            body = node.stem + "*" if isinstance(node, Prefix) else node.word
        return f"{node.field}:{body}" if node.field else body
    if isinstance(node, Site):
        return f"site:{node.domain}"
    if isinstance(node, Near):
        return f"{_group(node.left)} NEAR/{node.distance} {_group(node.right)}"
    if isinstance(node, Not):
        return f"NOT {_group(node.child)}"
    joiner = " AND " if isinstance(node, And) else " OR "
    return joiner.join(_group(child) for child in node.children)


def _group(node: Node) -> str:
    simple = isinstance(node, Term | Prefix | Phrase | Site)
    return to_query(node) if simple else f"({to_query(node)})"


# ---- lexing -------------------------------------------------------------------------------------

@dataclass
class Tok:
    kind: str  # LP RP PHRASE WORD AND OR NOT MINUS NEAR FIELD END
    value: str
    pos: int  # 0-based index into the query


_NEAR_RE = re.compile(r"NEAR/(\S*)")
_FIELD_RE = re.compile(r"(title|site|author|source):", re.IGNORECASE)


def lex(text: str) -> list[Tok]:
    """Split a query into tokens; a '-' is NOT only at the start of a term."""
    toks: list[Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            toks.append(Tok("LP" if ch == "(" else "RP", ch, i))
            i += 1
        elif ch == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError(n + 1, EXPECT_QUOTE, _("the end of the query"))
            toks.append(Tok("PHRASE", text[i + 1:end], i))
            i = end + 1
        elif ch == "-" and i + 1 < n and not text[i + 1].isspace():
            toks.append(Tok("MINUS", ch, i))
            i += 1
        else:
            i = _lex_word(text, i, toks)
    toks.append(Tok("END", "", n))
    return toks


def _lex_word(text: str, i: int, toks: list[Tok]) -> int:
    field = _FIELD_RE.match(text, i)
    if field:
        toks.append(Tok("FIELD", field.group(1).lower(), i))
        return field.end()
    end = i
    while end < len(text) and not text[end].isspace() and text[end] not in '()"':
        end += 1
    raw = text[i:end]
    near = _NEAR_RE.fullmatch(raw)
    if near:
        if not (near.group(1).isascii() and near.group(1).isdigit()):
            raise QueryError(i + 6, EXPECT_NEAR_N, repr(raw))
        toks.append(Tok("NEAR", near.group(1), i))
    elif raw in ("AND", "OR", "NOT"):
        toks.append(Tok(raw, raw, i))
    else:
        toks.append(Tok("WORD", raw, i))
    return end


# ---- parsing ------------------------------------------------------------------------------------

_TERM_START = {"LP", "PHRASE", "WORD", "FIELD", "NOT", "MINUS"}


class _Parser:
    def __init__(self, text: str):
        self.toks = lex(text)
        self.i = 0

    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    def fail(self, expected: str):
        tok = self.tok
        found = _("the end of the query") if tok.kind == "END" else repr(tok.value)
        raise QueryError(tok.pos + 1, expected, found)

    def take(self) -> Tok:
        tok = self.tok
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_expr()
        if self.tok.kind != "END":
            self.fail(EXPECT_END)
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.tok.kind == "OR":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Node:
        parts = [self.not_expr()]
        while self.tok.kind == "AND" or self.tok.kind in _TERM_START:
            if self.tok.kind == "AND":
                self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def not_expr(self) -> Node:
        if self.tok.kind in ("NOT", "MINUS"):
            self.take()
            return Not(self.not_expr())
        return self.near()

    def near(self) -> Node:
        start = self.tok.pos
        node = self.atom()
        while self.tok.kind == "NEAR":
            if not _is_span(node):
                raise QueryError(start + 1, EXPECT_NEAR_OPERAND, repr(to_query(node)))
            distance = int(self.take().value)
            right_start = self.tok.pos
            right = self.atom()
            if not _is_span(right):
                raise QueryError(right_start + 1, EXPECT_NEAR_OPERAND, repr(to_query(right)))
            node = Near(node, right, distance)
        return node

    def atom(self) -> Node:
        kind = self.tok.kind
        if kind == "LP":
            self.take()
            node = self.or_expr()
            if self.tok.kind != "RP":
                self.fail(EXPECT_CLOSE)
            self.take()
            return node
        if kind == "FIELD":
            return self.field()
        if kind in ("PHRASE", "WORD"):
            return self.word(self.take(), None)
        self.fail(EXPECT_TERM)

    def field(self) -> Node:
        name = self.take().value
        tok = self.tok
        if tok.kind == "LP" and name != "site":
            return _with_field(self.atom(), name)
        if tok.kind not in ("PHRASE", "WORD"):
            self.fail(EXPECT_VALUE)
        self.take()
        if name == "site":
            domain = fold(tok.value).strip(".").removeprefix("www.")
            if not domain:
                raise QueryError(tok.pos + 1, EXPECT_VALUE, repr(tok.value))
            return Site(domain)
        return self.word(tok, name)

    def word(self, tok: Tok, field: str | None) -> Node:
        raw = tok.value
        if tok.kind == "PHRASE":
            ws = tuple(words(raw))
            if not ws:
                raise QueryError(tok.pos + 2, EXPECT_WORD, repr(raw))
            return Phrase(ws, field) if len(ws) > 1 else Term(ws[0], field)
        if raw.endswith("*"):
            stem = words(raw[:-1])
            if len(stem) != 1 or not raw[:-1] or "*" in raw[:-1]:
                raise QueryError(tok.pos + 1, EXPECT_WORD, repr(raw))
            return Prefix(stem[0], field)
        ws = tuple(words(raw))
        if not ws:
            raise QueryError(tok.pos + 1, EXPECT_WORD, repr(raw))
        # "jalan-tol" is written as one word but is the phrase "jalan tol".
        return Phrase(ws, field) if len(ws) > 1 else Term(ws[0], field)


def _with_field(node: Node, name: str) -> Node:
    """`title:(a OR "b c")` = `title:a OR title:"b c"`; a field written inside wins."""
    if isinstance(node, Term | Prefix | Phrase):
        return node if node.field else type(node)(*(getattr(node, f) for f in node.__dataclass_fields__ if f != "field"), name)
    if isinstance(node, Not):
        return Not(_with_field(node.child, name))
    if isinstance(node, Near):
        return Near(_with_field(node.left, name), _with_field(node.right, name), node.distance)
    if isinstance(node, And | Or):
        return type(node)(tuple(_with_field(c, name) for c in node.children))
    return node


def _is_span(node: Node) -> bool:
    """NEAR joins words, prefixes, phrases, or OR-groups of them, all in one field."""
    if isinstance(node, Or):
        return all(_is_span(c) for c in node.children) and len(_fields(node)) == 1
    return isinstance(node, Term | Phrase | Prefix)


def _fields(node: Node) -> set[str | None]:
    if isinstance(node, Or):
        return set().union(*(_fields(c) for c in node.children))
    return {node.field}


def parse(text: str) -> Node:
    """The tree of a query; raises QueryError naming the position and what was expected."""
    if not text or not text.strip():
        raise QueryError(1, EXPECT_TERM, _("the end of the query"))
    return _Parser(text).parse()


def positive_words(node: Node) -> list[str]:
    """The words a query looks for (not under NOT), in order: used to build news-search URLs."""
    if isinstance(node, Term):
        return [node.word] if not node.field or node.field == "title" else []
    if isinstance(node, Phrase):
        return [" ".join(node.words)] if not node.field or node.field == "title" else []
    if isinstance(node, Prefix):
        return [node.stem] if not node.field or node.field == "title" else []
    if isinstance(node, Near):
        return positive_words(node.left) + positive_words(node.right)
    if isinstance(node, And | Or):
        return [w for child in node.children for w in positive_words(child)]
    return []
