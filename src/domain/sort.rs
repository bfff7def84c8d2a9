//! Stable sorting that is compiled once for the whole app.
//!
//! `slice::sort_by` is generic over the element *and* the comparator, so every call site gets
//! its own copy of the standard library's driftsort: about 3.5 KiB of wasm each, and 32 copies
//! were 110 KiB of the download. These helpers sort a list of indices with a single comparator
//! type (a `dyn` call back into the caller's closure), then move the elements into that order:
//! one copy of the sort, and per call site only a few bytes of glue.
//!
//! `collect()` into a `BTreeMap` or `BTreeSet` sorts too (a copy per key type); the domain
//! builds them with `extend`, which inserts one by one.

use std::cmp::Ordering;

/// Stable sort of `items` by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = sorted_positions(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Stable sort by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instantiation of the standard sort: positions `0..n` in the order `cmp` gives.
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    #[allow(clippy::disallowed_methods)] // the one copy every other sort goes through
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves `items[order[k]]` to position `k` for every `k`, following each cycle of the
/// permutation once (O(n) swaps, no copies of `T`). `order` is used up as the visited marks.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let src = order[k];
            order[k] = k;
            if src == start || src == k {
                break;
            }
            items.swap(k, src);
            k = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            let mut std = items;
            // Equal keys keep their order: the second field tells them apart.
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_and_sort_by_key_agree_with_std(items in proptest::collection::vec(any::<i32>(), 0..100)) {
            let mut a = items.clone();
            let mut b = items.clone();
            let mut expected = items;
            sort(&mut a);
            sort_by_key(&mut b, |x| *x);
            expected.sort();
            prop_assert_eq!(&a, &expected);
            prop_assert_eq!(&b, &expected);
        }
    }

    #[test]
    fn reverses_and_keeps_owned_values_intact() {
        let mut v: Vec<String> = ["c", "a", "b", "a"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "a", "a"]);
    }
}
