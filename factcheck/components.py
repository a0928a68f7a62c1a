"""Connected components over index pairs (union-find), shared by the stages that group things.

    >>> lowest_members(5, [(3, 1), (4, 3)])
    [0, 1, 2, 1, 1]
"""
from __future__ import annotations

from typing import Iterable


def lowest_members(n: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """For each of `n` items, the lowest index in its component once every pair is joined.
    Near-linear (path halving); the result does not depend on the order of `pairs`."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(x) for x in range(n)]
