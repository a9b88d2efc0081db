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


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(bytes(blob), dtype="<u4").astype(np.uint32)


class StoryIndex:
    """Recent stories by MinHash: `find(values)` -> the Cluster of a near-copy, or None."""

    def __init__(self):
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.entries: dict[int, tuple[np.ndarray, object]] = {}
        self.order: deque[tuple[datetime, int]] = deque()
        self.newest: datetime | None = None
        self._next = 0

    def _minhash(self, values: np.ndarray) -> MinHash:
        return MinHash(num_perm=NUM_PERM, seed=7, hashvalues=values, permutations=_PERMUTATIONS, scheme=SCHEME)

    def find(self, values: np.ndarray) -> object | None:
        best, best_sim = None, THRESHOLD
        for key in self.lsh.query(self._minhash(values)):
            stored, cluster = self.entries[key]
            sim = float(np.mean(stored == values))
            if sim >= best_sim:
                best, best_sim = cluster, sim
        return best

    def add(self, values: np.ndarray, seen_at: datetime, cluster: object) -> None:
        key = self._next
        self._next += 1
        self.lsh.insert(key, self._minhash(values), check_duplication=False)
        self.entries[key] = (values, cluster)
        self.order.append((seen_at, key))
        if self.newest is None or seen_at > self.newest:
            self.newest = seen_at
        while self.order and self.order[0][0] < self.newest - WINDOW:
            _, old = self.order.popleft()
            del self.entries[old]
            self.lsh.remove(old)
