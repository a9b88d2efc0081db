"""Near-duplicate clustering: syndicated copies of one article land in one story Cluster.

MinHash (datasketch; shingles hashed with CRC-32, 3x faster than its default SHA-1 and stable across
processes, which signatures kept in the database need) over word 3-shingles of title and text, with an LSH index of recent stories;
a mention joins the first story whose estimated Jaccard similarity reaches THRESHOLD, else it starts
a new one. Only texts of at least MIN_WORDS words are clustered (short posts: exact duplicates only).
"""

import zlib
from collections import deque
from datetime import datetime, timedelta

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.minhash import _fmix

NUM_PERM = 64
THRESHOLD = 0.6  # estimated Jaccard similarity of shingles to count as the same story
# The LSH index proposes candidates from a lower similarity, so that few true copies are missed
# (at 0.6 itself about 1 in 7 copies of similarity 0.75 went unproposed); each is then checked.
LSH_THRESHOLD = 0.4
MIN_WORDS = 25
WINDOW = timedelta(days=7)  # copies appear within days; older stories leave the index

SCHEME = "affine32"
_SEED = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
_PERMUTATIONS = _SEED.permutations


def signature(tokens: list[str]) -> np.ndarray | None:
    """MinHash values (uint32) of the word 3-shingles, or None for a short text."""
    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[i:i + 3]).encode() for i in range(len(tokens) - 2)}
    m = MinHash(num_perm=NUM_PERM, seed=7, permutations=_PERMUTATIONS, scheme=SCHEME, hashfunc=zlib.crc32)
    m.update_batch(list(shingles))
    return m.hashvalues


_A = _PERMUTATIONS[0].reshape(1, -1)
_B = _PERMUTATIONS[1].reshape(1, -1)
_MAX = MinHash(num_perm=NUM_PERM, seed=7, permutations=_PERMUTATIONS, scheme=SCHEME).hashvalues
_BLOCK = 20_000  # shingles per numpy pass (x 64 permutations x 4 bytes: 5 MB; larger ones were slower)


def signatures(token_lists: list[list[str]]) -> list[np.ndarray | None]:
    """`signature` of many texts at once: the same values (datasketch's affine32 permutations of the
    pre-mixed CRC-32 of each shingle), computed in a few numpy passes instead of one per text."""
    out: list[np.ndarray | None] = [None] * len(token_lists)
    hashes: list[int] = []
    starts: list[int] = []
    owners: list[int] = []
    crc32 = zlib.crc32

    def flush():
        if not owners:
            return
        hv = _fmix(np.array(hashes, dtype=np.uint32).reshape(-1, 1), 32)
        mins = np.minimum.reduceat(hv * _A + _B, np.asarray(starts), axis=0)
        for owner, row in zip(owners, np.minimum(mins, _MAX), strict=True):
            out[owner] = row
        hashes.clear(), starts.clear(), owners.clear()

    for i, tokens in enumerate(token_lists):
        if len(tokens) < MIN_WORDS:
            continue
        shingles = {" ".join(tokens[j:j + 3]).encode() for j in range(len(tokens) - 2)}
        starts.append(len(hashes))
        owners.append(i)
        hashes.extend(map(crc32, shingles))
        if len(hashes) >= _BLOCK:
            flush()
    flush()
    return out


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    values = np.frombuffer(blob, dtype="<u4")  # read-only, sharing the bytes
    return values if values.dtype == np.uint32 else values.astype(np.uint32)


_LSH = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)  # for its band layout (b bands of r values)
_RANGES = [(start * 4, end * 4) for start, end in _LSH.hashranges]  # in bytes of "<u4" values


class Bands:
    """The candidate look-up of datasketch's MinHashLSH with the same bands, reading the band keys
    as slices of the signature's bytes (datasketch hashes each band of a MinHash object it is given;
    building those objects and byte-swapped keys cost more than the rest of the story index).
    Buckets are sets filled and emptied in the same order as datasketch's, so `query` proposes the
    same candidates in the same order (tests/opinion/test_pipeline.py compares the two)."""

    def __init__(self):
        self.tables: list[dict[bytes, set[int]]] = [{} for _ in _RANGES]
        self.keys: dict[int, list[bytes]] = {}

    @staticmethod
    def bands(values: np.ndarray) -> list[bytes]:
        blob = values.astype("<u4", copy=False).tobytes()
        return [blob[start:end] for start, end in _RANGES]

    def insert(self, key: int, bands: list[bytes]) -> None:
        self.keys[key] = bands
        for band, table in zip(bands, self.tables, strict=True):
            bucket = table.get(band)
            if bucket is None:
                table[band] = {key}
            else:
                bucket.add(key)

    def query(self, bands: list[bytes]) -> list[int]:
        candidates: set[int] = set()
        for band, table in zip(bands, self.tables, strict=True):
            bucket = table.get(band)
            if bucket:
                for key in bucket:
                    candidates.add(key)
        return list(candidates)

    def remove(self, key: int) -> None:
        for band, table in zip(self.keys.pop(key), self.tables, strict=True):
            bucket = table[band]
            bucket.remove(key)
            if not bucket:
                del table[band]


class StoryIndex:
    """Recent stories by MinHash: `find(values)` -> the Cluster of a near-copy, or None."""

    def __init__(self):
        self.lsh = Bands()
        self.entries: dict[int, tuple[np.ndarray, object]] = {}
        self.order: deque[tuple[datetime, int]] = deque()
        self.newest: datetime | None = None
        self._next = 0
        self._last: tuple[np.ndarray | None, list[bytes]] = (None, [])

    def _bands(self, values: np.ndarray) -> list[bytes]:
        if self._last[0] is not values:  # find() then add() of the same values: one computation
            self._last = (values, Bands.bands(values))
        return self._last[1]

    def find(self, values: np.ndarray) -> object | None:
        """The story of the most similar candidate at THRESHOLD or above (of equals, the last the
        LSH index proposes), or None."""
        keys = self.lsh.query(self._bands(values))
        if not keys:
            return None
        entries = self.entries
        if len(keys) == 1:
            stored, cluster = entries[keys[0]]
            return cluster if float(np.mean(stored == values)) >= THRESHOLD else None
        sims = (np.stack([entries[k][0] for k in keys]) == values).mean(axis=1)
        best = float(sims.max())
        if best < THRESHOLD:
            return None
        return entries[keys[int(np.flatnonzero(sims == best)[-1])]][1]

    def add(self, values: np.ndarray, seen_at: datetime, cluster: object) -> None:
        key = self._next
        self._next += 1
        self.lsh.insert(key, self._bands(values))
        self.entries[key] = (values, cluster)
        self.order.append((seen_at, key))
        if self.newest is None or seen_at > self.newest:
            self.newest = seen_at
        while self.order and self.order[0][0] < self.newest - WINDOW:
            _, old = self.order.popleft()
            del self.entries[old]
            self.lsh.remove(old)
