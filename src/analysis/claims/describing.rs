//! A finished cluster described: members in date order, its cohesion and kind, the spans members share, and the
//! numbers, dates and entities on which they disagree.

use super::*;

pub(super) fn finish_cluster(
    articles: &[Article],
    entities: &[Entity],
    units: &[UnitData],
    matcher: &Matcher,
    members: &[usize],
) -> ClaimCluster {
    let mut members = members.to_vec();
    let date = |m: usize| {
        let d = articles[units[m].article].date.as_deref();
        (d.is_none(), d.unwrap_or(""))
    };
    members.sort_by(|&x, &y| {
        date(x)
            .cmp(&date(y))
            .then(units[x].article.cmp(&units[y].article))
            .then(units[x].unit.start.cmp(&units[y].unit.start))
    });
    let full = members.len() <= matcher.params.full_cohesion_members;
    let mut pair_scores = Vec::new();
    // Per member: how much it shares with the others (measured when all pairs are).
    let mut shared_with_others = vec![0.0f32; members.len()];
    if full {
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                let s = matcher.score(members[i], members[j]);
                shared_with_others[i] += s.similarity;
                shared_with_others[j] += s.similarity;
                pair_scores.push(s);
            }
        }
    } else {
        for &m in &members[1..] {
            pair_scores.push(matcher.score(members[0], m));
        }
    }
    // Members of one date: the one the others copy from (shares most with them) comes first.
    if full {
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by(|&x, &y| {
            date(members[x])
                .cmp(&date(members[y]))
                .then(shared_with_others[y].total_cmp(&shared_with_others[x]))
                .then(x.cmp(&y))
        });
        members = order.into_iter().map(|k| members[k]).collect();
    }
    let score = pair_scores.iter().map(|s| s.similarity).sum::<f32>() / pair_scores.len().max(1) as f32;
    let kind = if pair_scores.iter().all(|s| s.verbatim) {
        ClaimKind::Verbatim
    } else {
        ClaimKind::Paraphrase
    };

    let out_members: Vec<ClaimMember> = members.iter().map(|&m| member_of(articles, &units[m])).collect();

    ClaimCluster {
        id: String::new(),
        kind,
        score: (score * 1000.0).round() / 1000.0,
        shared: shared_spans(articles, units, &members, matcher.params),
        differences: differences(articles, entities, units, &members, matcher.params),
        members: out_members,
        repeated_by_outlet: Vec::new(),
        stories: Vec::new(),
    }
}

/// A unit as a member of the report.
pub(super) fn member_of(articles: &[Article], u: &UnitData) -> ClaimMember {
    let article = &articles[u.article];
    ClaimMember {
        article: article.id.clone(),
        sentence: u.unit.sentence,
        start: u.unit.start,
        end: u.unit.end,
        text: article.slice(u.unit.start, u.unit.end).to_string(),
    }
}

/// Spans exactly shared between the first member and each other one (both sides), merged per member.
pub(super) fn shared_spans(
    articles: &[Article],
    units: &[UnitData],
    members: &[usize],
    params: &ClaimParams,
) -> Vec<SharedSpan> {
    let mut ranges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); members.len()];
    let first = &units[members[0]];
    for (k, &m) in members.iter().enumerate().skip(1) {
        let other = &units[m];
        let al = params.shared_alignment.align(&first.token_hashes, &other.token_hashes);
        for run in al.runs {
            ranges[0].push((
                first.token_spans[run.a_start].0,
                first.token_spans[run.a_start + run.len - 1].1,
            ));
            ranges[k].push((
                other.token_spans[run.b_start].0,
                other.token_spans[run.b_start + run.len - 1].1,
            ));
        }
    }
    let mut out = Vec::new();
    for (k, list) in ranges.iter_mut().enumerate() {
        list.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in list.iter() {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let article = &articles[units[members[k]].article];
        for (s, e) in merged {
            out.push(SharedSpan {
                member: k,
                start: s,
                end: e,
                text: article.slice(s, e).to_string(),
            });
        }
    }
    out
}

/// The values of the facts `keep` selects, per member that states any: (member, values).
fn stated_values<'u>(
    units: &'u [UnitData],
    members: &[usize],
    keep: impl Fn(&Fact) -> bool,
) -> Vec<(usize, Vec<&'u str>)> {
    members
        .iter()
        .map(|&m| {
            let values: Vec<&str> = units[m]
                .facts
                .iter()
                .filter(|f| keep(f))
                .map(|f| f.value.as_str())
                .collect();
            (m, values)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// Numbers, quantities, dates and named entities stated by several members with values that conflict.
pub(super) fn differences(
    articles: &[Article],
    entities: &[Entity],
    units: &[UnitData],
    members: &[usize],
    params: &ClaimParams,
) -> Vec<Difference> {
    let mut out = Vec::new();
    let stated = stated_values(units, members, |f| f.what == "date");
    push_conflict(&mut out, articles, units, "date", &stated);
    for what in ["number", "quantity"] {
        // A rounded figure reads `~300`; a conflict that involves one is soft.
        let owned: Vec<(usize, Vec<String>)> = members
            .iter()
            .map(|&m| {
                let values = units[m]
                    .facts
                    .iter()
                    .filter(|f| f.what == what)
                    .map(|f| {
                        if f.approximate {
                            format!("~{}", f.value)
                        } else {
                            f.value.clone()
                        }
                    })
                    .collect::<Vec<String>>();
                (m, values)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let stated: Vec<(usize, Vec<&str>)> = owned
            .iter()
            .map(|(m, v)| (*m, v.iter().map(String::as_str).collect()))
            .collect();
        let before = out.len();
        push_conflict(&mut out, articles, units, what, &stated);
        let rounded = members
            .iter()
            .any(|&m| units[m].facts.iter().any(|f| f.what == what && f.approximate));
        if out.len() > before && rounded {
            out[before].soft = true;
        }
    }
    let entity_kinds = {
        let mut k: Vec<_> = members
            .iter()
            .flat_map(|&m| units[m].facts.iter().filter_map(|f| f.entity_kind))
            // Who is quoted can conflict anywhere in the unit; places and organisations only in the same slot (below).
            .filter(|k| *k == EntityKind::Person)
            .collect();
        k.sort();
        k.dedup();
        k
    };
    for kind in entity_kinds {
        let stated = stated_values(units, members, |f| f.entity_kind == Some(kind));
        // Entities conflict only when two members name disjoint ones of the same kind (an omission is no conflict).
        let disjoint = stated
            .iter()
            .enumerate()
            .any(|(i, (_, a))| stated[i + 1..].iter().any(|(_, b)| a.iter().all(|x| !b.contains(x))));
        if disjoint {
            push_conflict(&mut out, articles, units, "entity", &stated);
        }
    }
    for kind in [EntityKind::Place, EntityKind::Org] {
        let stated = slot_conflicts(entities, units, members, kind, params);
        push_conflict(&mut out, articles, units, "entity", &stated);
    }
    out
}

/// Places or organisations of `kind` that members name in the same slot of a shared wording — between the same two
/// runs the local alignment finds — with different entities: «وصل شويغو إلى طهران لإجراء محادثات» against
/// «وصل شويجو إلى بغداد لإجراء محادثات». Places named elsewhere in a unit are context, not a conflict. Returns each
/// member's value when some member disagrees with the first (empty otherwise).
pub(super) fn slot_conflicts<'e>(
    entities: &'e [Entity],
    units: &[UnitData],
    members: &[usize],
    kind: EntityKind,
    params: &ClaimParams,
) -> Vec<(usize, Vec<&'e str>)> {
    let first = &units[members[0]];
    let of_kind = |u: &UnitData, from: usize, to: usize| -> Vec<usize> {
        let mut ids: Vec<usize> = u.token_entities[from..to]
            .iter()
            .flatten()
            .copied()
            .filter(|&e| entities.get(e).is_some_and(|x| x.kind == kind))
            .collect();
        ids.dedup();
        ids
    };
    let label = |ids: &[usize]| -> Vec<&'e str> { ids.iter().map(|&e| entities[e].label.as_str()).collect() };
    let mut first_values: Vec<usize> = Vec::new();
    let mut others: Vec<(usize, Vec<&'e str>)> = Vec::new();
    for &m in &members[1..] {
        let other = &units[m];
        let al = params.shared_alignment.align(&first.token_hashes, &other.token_hashes);
        let mut runs = al.runs;
        runs.sort_by_key(|r| r.a_start);
        for pair in runs.windows(2) {
            let (r1, r2) = (&pair[0], &pair[1]);
            let (a_from, a_to) = (r1.a_start + r1.len, r2.a_start);
            let (b_from, b_to) = (r1.b_start + r1.len, r2.b_start);
            if a_from >= a_to
                || b_from >= b_to
                || a_to - a_from > params.slot_tokens
                || b_to - b_from > params.slot_tokens
            {
                continue;
            }
            let (ea, eb) = (of_kind(first, a_from, a_to), of_kind(other, b_from, b_to));
            if !ea.is_empty() && !eb.is_empty() && ea.iter().all(|e| !eb.contains(e)) {
                for e in ea {
                    if !first_values.contains(&e) {
                        first_values.push(e);
                    }
                }
                match others.last_mut() {
                    Some((last, values)) if *last == m => values.extend(label(&eb)),
                    _ => others.push((m, label(&eb))),
                }
            }
        }
    }
    if others.is_empty() {
        return Vec::new();
    }
    let mut stated = vec![(members[0], label(&first_values))];
    stated.extend(others);
    stated
}

pub(super) fn push_conflict(
    out: &mut Vec<Difference>,
    articles: &[Article],
    units: &[UnitData],
    what: &str,
    stated: &[(usize, Vec<&str>)],
) {
    if stated.len() < 2 {
        return;
    }
    let joined: Vec<String> = stated.iter().map(|(_, v)| v.join(", ")).collect();
    if joined.iter().all(|v| v == &joined[0]) {
        return;
    }
    let values: BTreeMap<String, String> = stated
        .iter()
        .zip(joined)
        .map(|((m, _), v)| (articles[units[*m].article].id.clone(), v))
        .collect();
    out.push(Difference {
        what: what.to_string(),
        values,
        soft: false,
    });
}
