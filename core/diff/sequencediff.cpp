// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "diff/sequencediff.h"

#include "base/largememory.h"

#include <algorithm>
#include <climits>

namespace Countersign {

namespace {

// Tuning of the Fast mode, the values libxdiff (git's diff) settled on.
constexpr int snakeLength = 20; // a run of this many matches is worth cutting at
constexpr int heuristicMinCost = 256; // below this cost, always search on for the exact split
constexpr int heuristicFactor = 4; // a cut must have advanced this many times its cost
constexpr int minMaxCost = 256; // the cost bound is sqrt(N), but never below this
constexpr int maxEqualLimit = 1024; // "many matches" means at least sqrt(N), at most this many
constexpr int similarScanWindow = 100; // how far to look around a many-match element
constexpr int keepRunFactor = 4;
constexpr int anchorThreshold = 2048; // inputs longer than this are first cut at unique elements

// A power of two close to sqrt(n), cheaply.
int roughSqrt(qint64 n)
{
    int root = 1;
    for (; n > 0; n >>= 2)
        root <<= 1;
    return root;
}

struct Box
{
    int off1, lim1, off2, lim2;
    bool minimal;
};

struct Split
{
    int i1 = 0, i2 = 0;
    bool minimalLow = true, minimalHigh = true;
};

// Elements an element of one side has on the other: none (0), a few (1) or many (2).
enum Matches : char { NoMatch = 0, SomeMatches = 1, ManyMatches = 2 };

// True when the many-match element at `i` sits in a run of unmatched and many-match elements that
// is mostly unmatched: such an element would only make the search wander, so it is set aside.
bool isAmongUnmatched(const LargeVector<char> &matches, int i)
{
    const int first = std::max(0, i - similarScanWindow);
    const int last = std::min(int(matches.size()) - 1, i + similarScanWindow);
    int unmatchedBefore = 0, manyBefore = 1;
    for (int r = i - 1; r >= first; --r) {
        if (matches[size_t(r)] == NoMatch)
            ++unmatchedBefore;
        else if (matches[size_t(r)] == ManyMatches)
            ++manyBefore;
        else
            break;
    }
    if (unmatchedBefore == 0)
        return false;
    int unmatchedAfter = 0, manyAfter = 1;
    for (int r = i + 1; r <= last; ++r) {
        if (matches[size_t(r)] == NoMatch)
            ++unmatchedAfter;
        else if (matches[size_t(r)] == ManyMatches)
            ++manyAfter;
        else
            break;
    }
    if (unmatchedAfter == 0)
        return false;
    const int many = manyBefore + manyAfter;
    const int unmatched = unmatchedBefore + unmatchedAfter;
    return many * keepRunFactor < many + unmatched;
}

// One side prepared for the search: the ids of the elements kept, with their indexes in the side.
struct Kept
{
    LargeVector<quint32> ids;
    LargeVector<int> index;
};

void keepCandidates(std::span<const quint32> side, const LargeVector<quint32> &otherCounts,
    SequenceDiff::Mode mode, LargeVector<char> &changed, LargeVector<char> &matches, Kept &kept)
{
    const int n = int(side.size());
    const quint32 manyLimit = quint32(std::min(roughSqrt(n), maxEqualLimit));
    matches.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const quint32 count = otherCounts[side[size_t(i)]];
        matches[size_t(i)] = count == 0                                ? NoMatch
            : (mode == SequenceDiff::Mode::Fast && count >= manyLimit) ? ManyMatches
                                                                       : SomeMatches;
    }
    kept.ids.clear();
    kept.index.clear();
    kept.ids.reserve(size_t(n));
    kept.index.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const char m = matches[size_t(i)];
        if (m == SomeMatches || (m == ManyMatches && !isAmongUnmatched(matches, i))) {
            kept.ids.push_back(side[size_t(i)]);
            kept.index.push_back(i);
        } else {
            changed[size_t(i)] = 1;
        }
    }
}

// The divide-and-conquer search over the kept elements, marking what is not common as changed.
class Search
{
public:
    Search(const Kept &left, const Kept &right, LargeVector<int> &forwardStore,
        LargeVector<int> &backwardStore, LargeVector<Box> &pending,
        const std::optional<QFuture<void>> &cancel)
        : m_a(left.ids.data())
        , m_b(right.ids.data())
        , m_cancel(cancel)
        , m_pending(pending)
    {
        const int n = int(left.ids.size());
        const int m = int(right.ids.size());
        // A box's diagonals run from off1 - lim2 to lim1 - off2, one more on each side for the
        // sentinels; boxes only ever split, so the widest box to search sets the size (between
        // anchors, far less than the whole input's n + m).
        size_t widest = 0;
        for (const Box &box : pending)
            widest = std::max(widest, size_t(box.lim1 - box.off1) + size_t(box.lim2 - box.off2) + 3);
        forwardStore.resize(widest);
        backwardStore.resize(widest);
        m_forward = forwardStore.data();
        m_backward = backwardStore.data();
        m_maxCost = std::max(minMaxCost, roughSqrt(qint64(n) + m + 3));
    }

    // Returns false when cancelled.
    // Searches the boxes in `pending` (which it consumes).
    bool run(
        const Kept &left, const Kept &right, LargeVector<char> &changedLeft, LargeVector<char> &changedRight)
    {
        LargeVector<Box> &pending = m_pending;
        for (int boxes = 0; !pending.empty(); ++boxes) {
            if ((boxes & 63) == 0 && isCancelled())
                return false;
            Box box = pending.back();
            pending.pop_back();
            while (box.off1 < box.lim1 && box.off2 < box.lim2 && m_a[box.off1] == m_b[box.off2]) {
                ++box.off1;
                ++box.off2;
            }
            while (box.off1 < box.lim1 && box.off2 < box.lim2 && m_a[box.lim1 - 1] == m_b[box.lim2 - 1]) {
                --box.lim1;
                --box.lim2;
            }
            if (box.off1 == box.lim1) {
                for (int i = box.off2; i < box.lim2; ++i)
                    changedRight[size_t(right.index[size_t(i)])] = 1;
            } else if (box.off2 == box.lim2) {
                for (int i = box.off1; i < box.lim1; ++i)
                    changedLeft[size_t(left.index[size_t(i)])] = 1;
            } else {
                const std::optional<Split> split = findSplit(box);
                if (!split)
                    return false;
                pending.push_back({split->i1, box.lim1, split->i2, box.lim2, split->minimalHigh});
                pending.push_back({box.off1, split->i1, box.off2, split->i2, split->minimalLow});
            }
        }
        return true;
    }

private:
    bool isCancelled() const { return m_cancel && m_cancel->isCanceled(); }

    // Where to cut the box in two: on the middle snake of a shortest path, or (Fast mode, costly
    // boxes) on a good snake or the furthest-reaching path. Nothing when cancelled.
    std::optional<Split> findSplit(const Box &box)
    {
        const quint32 *a = m_a, *b = m_b;
        const int off1 = box.off1, lim1 = box.lim1, off2 = box.off2, lim2 = box.lim2;
        const int dmin = off1 - lim2, dmax = lim1 - off2;
        // Indexed by diagonal: diagonal dmin - 1 is the store's first element.
        int *fwd = m_forward + (1 - std::ptrdiff_t(dmin)), *bwd = m_backward + (1 - std::ptrdiff_t(dmin));
        const int fmid = off1 - off2, bmid = lim1 - lim2;
        const bool odd = ((fmid - bmid) & 1) != 0;
        int fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
        fwd[fmid] = off1;
        bwd[bmid] = lim1;

        for (int cost = 1;; ++cost) {
            if ((cost & 63) == 0 && isCancelled())
                return std::nullopt;
            bool gotSnake = false;

            // Forward: extend every diagonal of this cost by one edit, then along its matches.
            if (fmin > dmin)
                fwd[--fmin - 1] = -1;
            else
                ++fmin;
            if (fmax < dmax)
                fwd[++fmax + 1] = -1;
            else
                --fmax;
            for (int d = fmax; d >= fmin; d -= 2) {
                int i1 = fwd[d - 1] >= fwd[d + 1] ? fwd[d - 1] + 1 : fwd[d + 1];
                const int start = i1;
                int i2 = i1 - d;
                while (i1 < lim1 && i2 < lim2 && a[i1] == b[i2]) {
                    ++i1;
                    ++i2;
                }
                if (i1 - start > snakeLength)
                    gotSnake = true;
                fwd[d] = i1;
                if (odd && bmin <= d && d <= bmax && bwd[d] <= i1)
                    return Split{i1, i2, true, true};
            }

            // Backward, from the end of the box.
            if (bmin > dmin)
                bwd[--bmin - 1] = INT_MAX;
            else
                ++bmin;
            if (bmax < dmax)
                bwd[++bmax + 1] = INT_MAX;
            else
                --bmax;
            for (int d = bmax; d >= bmin; d -= 2) {
                int i1 = bwd[d - 1] < bwd[d + 1] ? bwd[d - 1] : bwd[d + 1] - 1;
                const int start = i1;
                int i2 = i1 - d;
                while (i1 > off1 && i2 > off2 && a[i1 - 1] == b[i2 - 1]) {
                    --i1;
                    --i2;
                }
                if (start - i1 > snakeLength)
                    gotSnake = true;
                bwd[d] = i1;
                if (!odd && fmin <= d && d <= fmax && i1 <= fwd[d])
                    return Split{i1, i2, true, true};
            }

            if (box.minimal)
                continue;

            // A path that has gone far for its cost and ends in a long run of matches is a good
            // place to cut: the part before it is cheap, so it is solved exactly.
            if (gotSnake && cost > heuristicMinCost) {
                int best = 0;
                Split split;
                for (int d = fmax; d >= fmin; d -= 2) {
                    const int dd = d > fmid ? d - fmid : fmid - d;
                    const int i1 = fwd[d];
                    const int i2 = i1 - d;
                    const int value = (i1 - off1) + (i2 - off2) - dd;
                    if (value > heuristicFactor * cost && value > best && off1 + snakeLength <= i1 &&
                        i1 < lim1 && off2 + snakeLength <= i2 && i2 < lim2) {
                        for (int k = 1; a[i1 - k] == b[i2 - k]; ++k) {
                            if (k == snakeLength) {
                                best = value;
                                split = {i1, i2, true, false};
                                break;
                            }
                        }
                    }
                }
                if (best > 0)
                    return split;
                for (int d = bmax; d >= bmin; d -= 2) {
                    const int dd = d > bmid ? d - bmid : bmid - d;
                    const int i1 = bwd[d];
                    const int i2 = i1 - d;
                    const int value = (lim1 - i1) + (lim2 - i2) - dd;
                    if (value > heuristicFactor * cost && value > best && off1 < i1 &&
                        i1 <= lim1 - snakeLength && off2 < i2 && i2 <= lim2 - snakeLength) {
                        for (int k = 0; a[i1 + k] == b[i2 + k]; ++k) {
                            if (k == snakeLength - 1) {
                                best = value;
                                split = {i1, i2, false, true};
                                break;
                            }
                        }
                    }
                }
                if (best > 0)
                    return split;
            }

            // Too costly: cut at whichever of the forward and backward paths reached furthest.
            if (cost >= m_maxCost) {
                int fbest = -1, fbest1 = -1;
                for (int d = fmax; d >= fmin; d -= 2) {
                    int i1 = std::min(fwd[d], lim1);
                    int i2 = i1 - d;
                    if (lim2 < i2) {
                        i1 = lim2 + d;
                        i2 = lim2;
                    }
                    if (fbest < i1 + i2) {
                        fbest = i1 + i2;
                        fbest1 = i1;
                    }
                }
                int bbest = INT_MAX, bbest1 = INT_MAX;
                for (int d = bmax; d >= bmin; d -= 2) {
                    int i1 = std::max(off1, bwd[d]);
                    int i2 = i1 - d;
                    if (i2 < off2) {
                        i1 = off2 + d;
                        i2 = off2;
                    }
                    if (i1 + i2 < bbest) {
                        bbest = i1 + i2;
                        bbest1 = i1;
                    }
                }
                if ((lim1 + lim2) - bbest < fbest - (off1 + off2))
                    return Split{fbest1, fbest - fbest1, true, false};
                return Split{bbest1, bbest - bbest1, false, true};
            }
        }
    }

    const quint32 *m_a;
    const quint32 *m_b;
    const std::optional<QFuture<void>> &m_cancel;
    LargeVector<Box> &m_pending;
    int *m_forward = nullptr; // the furthest points reached on each diagonal of the box searched
    int *m_backward = nullptr;
    int m_maxCost = minMaxCost;
};

// Cuts the search into the boxes between anchors: elements that occur exactly once on each side,
// in the longest chain that keeps their order on both (patience sorting). Long inputs whose other
// lines repeat a lot (the same few lines over and over) then become many small searches instead of
// one costly one, as in git's patience and histogram diffs. With `releaseCounts`, the counts are
// given back as soon as they are no longer needed (large inputs: this is the engine's peak of memory).
void anchoredBoxes(const Kept &left, const Kept &right, LargeVector<quint32> &countsA,
    LargeVector<quint32> &countsB, bool releaseCounts, LargeVector<Box> &boxes)
{
    auto unique = [&](quint32 id) { return countsA[id] == 1 && countsB[id] == 1; };
    LargeVector<int> positionInRight(countsA.size(), -1);
    for (int k = 0; k < int(right.ids.size()); ++k) {
        if (unique(right.ids[size_t(k)]))
            positionInRight[right.ids[size_t(k)]] = k;
    }
    struct Anchor
    {
        int left, right;
    };
    LargeVector<Anchor> candidates;
    candidates.reserve(std::min(left.ids.size(), right.ids.size()));
    for (int k = 0; k < int(left.ids.size()); ++k) {
        const quint32 id = left.ids[size_t(k)];
        if (unique(id) && positionInRight[id] >= 0)
            candidates.push_back({k, positionInRight[id]});
    }
    release(positionInRight);
    if (releaseCounts) {
        release(countsA);
        release(countsB);
    }
    // Longest increasing run of right positions: `tails[l]` ends the best chain of length l + 1.
    LargeVector<int> tails, previous(candidates.size());
    tails.reserve(candidates.size()); // growing it by doubling would hold two copies at the peak
    for (int c = 0; c < int(candidates.size()); ++c) {
        const int rightAt = candidates[size_t(c)].right;
        // Mostly the files run in the same order: a candidate then just extends the longest chain.
        if (tails.empty() || candidates[size_t(tails.back())].right < rightAt) {
            previous[size_t(c)] = tails.empty() ? -1 : tails.back();
            tails.push_back(c);
            continue;
        }
        const auto at = std::lower_bound(tails.begin(), tails.end(), rightAt,
            [&](int t, int value) { return candidates[size_t(t)].right < value; });
        previous[size_t(c)] = at == tails.begin() ? -1 : *(at - 1);
        if (at == tails.end())
            tails.push_back(c);
        else
            *at = c;
    }
    // The boxes between the chain's anchors, walking the chain from its end (no copy of it).
    boxes.clear();
    int toLeft = int(left.ids.size()), toRight = int(right.ids.size());
    for (int c = tails.empty() ? -1 : tails.back(); c >= 0; c = previous[size_t(c)]) {
        const Anchor &anchor = candidates[size_t(c)];
        if (toLeft > anchor.left + 1 || toRight > anchor.right + 1 || boxes.empty())
            boxes.push_back({anchor.left + 1, toLeft, anchor.right + 1, toRight, false});
        toLeft = anchor.left;
        toRight = anchor.right;
    }
    if (toLeft > 0 || toRight > 0 || boxes.empty())
        boxes.push_back({0, toLeft, 0, toRight, false});
    std::reverse(boxes.begin(), boxes.end());
}

// The engine's buffers, kept together so that small diffs can reuse them.
struct Workspace
{
    LargeVector<quint32> countsA, countsB;
    LargeVector<char> changedA, changedB, matches;
    Kept keptA, keptB;
    LargeVector<int> forward, backward;
    LargeVector<Box> pending;
};

// Slides every run of changed elements of one side as far up and then as far down as equal
// elements allow, merging runs that meet. Each slide swaps a changed element for an equal unchanged
// one, so the common subsequence, and with it the script's validity, stays the same.
void slideChanges(std::span<const quint32> ids, LargeVector<char> &changed)
{
    const int n = int(ids.size());
    int start = 0;
    while (true) {
        while (start < n && !changed[size_t(start)])
            ++start;
        if (start >= n)
            return;
        int end = start;
        while (end < n && changed[size_t(end)])
            ++end;
        int size = 0;
        do {
            size = end - start;
            while (start > 0 && ids[size_t(start - 1)] == ids[size_t(end - 1)]) {
                changed[size_t(--start)] = 1;
                changed[size_t(--end)] = 0;
                while (start > 0 && changed[size_t(start - 1)])
                    --start;
            }
            while (end < n && ids[size_t(start)] == ids[size_t(end)]) {
                changed[size_t(start++)] = 0;
                changed[size_t(end++)] = 1;
                while (end < n && changed[size_t(end)])
                    ++end;
            }
        } while (size != end - start);
        start = end;
    }
}

QList<DiffChange> script(
    const LargeVector<char> &changedLeft, const LargeVector<char> &changedRight, int offset)
{
    QList<DiffChange> changes;
    const int n = int(changedLeft.size()), m = int(changedRight.size());
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && !changedLeft[size_t(i)] && !changedRight[size_t(j)]) {
            ++i;
            ++j;
            continue;
        }
        const int si = i, sj = j;
        while (i < n && changedLeft[size_t(i)])
            ++i;
        while (j < m && changedRight[size_t(j)])
            ++j;
        Q_ASSERT(i > si || j > sj); // the unchanged elements of both sides pair up exactly
        if (i == si && j == sj)
            break;
        changes.append({si + offset, i - si, sj + offset, j - sj});
    }
    return changes;
}

} // namespace

std::optional<QList<DiffChange>> SequenceDiff::diff(std::span<const quint32> left,
    std::span<const quint32> right, quint32 idCount, Mode mode, const std::optional<QFuture<void>> &cancel)
{
    // Common prefix and suffix are never part of a change and need no search.
    size_t prefix = 0;
    while (prefix < left.size() && prefix < right.size() && left[prefix] == right[prefix])
        ++prefix;
    size_t suffix = 0;
    while (suffix < left.size() - prefix && suffix < right.size() - prefix &&
        left[left.size() - 1 - suffix] == right[right.size() - 1 - suffix])
        ++suffix;
    const std::span<const quint32> a = left.subspan(prefix, left.size() - prefix - suffix);
    const std::span<const quint32> b = right.subspan(prefix, right.size() - prefix - suffix);
    if (a.empty() && b.empty())
        return QList<DiffChange>{};
    if (a.empty() || b.empty())
        return QList<DiffChange>{{int(prefix), int(a.size()), int(prefix), int(b.size())}};

    // Small inputs (the words of a line) reuse this thread's buffers: allocating a dozen vectors
    // per line pair would cost more than the diff.
    thread_local Workspace reused;
    Workspace fresh;
    Workspace &ws = (a.size() + b.size() <= 4096 && idCount <= 8192) ? reused : fresh;
    ws.countsA.assign(idCount, 0);
    ws.countsB.assign(idCount, 0);
    for (const quint32 id : a)
        ++ws.countsA[id];
    for (const quint32 id : b)
        ++ws.countsB[id];
    LargeVector<char> &changedA = ws.changedA;
    LargeVector<char> &changedB = ws.changedB;
    changedA.assign(a.size(), 0);
    changedB.assign(b.size(), 0);
    keepCandidates(a, ws.countsB, mode, changedA, ws.matches, ws.keptA);
    keepCandidates(b, ws.countsA, mode, changedB, ws.matches, ws.keptB);
    if (&ws == &fresh) // large inputs give back what they no longer need as soon as they can
        release(ws.matches);
    const int keptN = int(ws.keptA.ids.size()), keptM = int(ws.keptB.ids.size());
    if (mode == Mode::Fast && keptN + keptM > anchorThreshold)
        anchoredBoxes(ws.keptA, ws.keptB, ws.countsA, ws.countsB, &ws == &fresh, ws.pending);
    else
        ws.pending.assign(1, Box{0, keptN, 0, keptM, mode == Mode::Minimal});
    if (&ws == &fresh) { // no longer needed: given back before the search
        release(ws.countsA);
        release(ws.countsB);
    }

    Search search(ws.keptA, ws.keptB, ws.forward, ws.backward, ws.pending, cancel);
    if (!search.run(ws.keptA, ws.keptB, changedA, changedB))
        return std::nullopt;

    slideChanges(a, changedA);
    slideChanges(b, changedB);
    return script(changedA, changedB, int(prefix));
}

} // namespace Countersign
