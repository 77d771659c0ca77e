"""Cross-document entity resolution on ECB+ (CoNLL F1 vs a same-head baseline): ``storyline eval entities``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from storyline.commands.link import LinkRecord, link_group
from storyline.config import EntityLinkOptions as LinkOptions
from storyline.evaluate.coref_metrics import CorefScores, score
from storyline.jsonl import read_lines
from storyline.link.entity_merge_train import Topic, cross_validated_clusters
from storyline.nlp.entities import EntityAnalyzer, SpacyEntityAnalyzer


def _gold_records(path: Path) -> tuple[list[LinkRecord], dict[tuple[str, int, int], str]]:
    """Records with gold entity mentions in selected sentences, and their gold clusters."""
    records, gold = [], {}
    for line in read_lines(path):
        doc = line.record
        if doc is None:
            raise ValueError(f"{path}: {line.error}")  # a gold file must be whole
        spans = []
        for m in doc["mentions"]:
            if m["kind"] != "entity" or not m["selected_sentence"]:
                continue
            s, e = m["span"]
            spans.append((s, e))
            gold[(doc["id"], s, e)] = f"{doc['topic']}|{m['cluster']}"
        records.append(LinkRecord(doc["id"], str(doc["topic"]), doc["text"], sorted(set(spans))))
    return records, gold


def _clusters(assignment: dict[tuple[str, int, int], str]) -> list[set]:
    out: dict[str, set] = defaultdict(set)
    for mention, cluster in assignment.items():
        out[cluster].add(mention)
    return list(out.values())


@dataclass(frozen=True)
class EntityEval:
    system: CorefScores
    head_lemma: CorefScores
    exact_string: CorefScores
    documents: int
    mentions: int
    topics: int
    folds: int = 0  # > 1: the merge model cross-validated by topic


def _by_topic(records: list[LinkRecord]) -> dict[str, list[LinkRecord]]:
    by_topic: dict[str, list[LinkRecord]] = defaultdict(list)
    for r in records:
        by_topic[r.group].append(r)
    return dict(sorted(by_topic.items()))


def ecb_topics(path: Path, analyzer: EntityAnalyzer) -> list[Topic]:
    """The topics of an ECB+ file with described gold mentions and their gold entities
    (training and cross-validating the merge model)."""
    records, gold = _gold_records(path)
    topics = []
    for topic, group in _by_topic(records).items():
        texts = [r.text for r in group]
        described = analyzer.describe(texts, [r.spans or [] for r in group])
        labels = [
            [gold[(r.id, s, e)] for s, e in (r.spans or [])] for r in group
        ]  # describe keeps the caller's spans, in order
        topics.append(Topic(topic, texts, described, labels))
    return topics


def evaluate_entities(
    path: Path,
    analyzer: EntityAnalyzer | None = None,
    options: LinkOptions | None = None,
    folds: int = 0,
) -> EntityEval:
    """Cross-document entity coreference on gold mentions, clustered within each topic.
    With ``folds`` > 1 the merge model is not the shipped one: topics are dealt into folds
    and each fold is linked by a model trained on the other folds' topics."""
    analyzer = analyzer or SpacyEntityAnalyzer(cache_size=100_000)
    options = options or LinkOptions()
    records, gold = _gold_records(path)
    by_topic = _by_topic(records)
    system: dict[tuple[str, int, int], str] = {}
    head: dict[tuple[str, int, int], str] = {}
    exact: dict[tuple[str, int, int], str] = {}
    if folds > 1:
        system = _cross_validated(ecb_topics(path, analyzer), by_topic, options, folds)
    for topic, group in by_topic.items():
        if folds <= 1:
            for rec in link_group(group, analyzer, options):
                for m in rec["mentions"]:
                    system[(rec["id"], *m["span"])] = m["entity"]
        # baselines: same head lemma / same lower-cased string within the topic
        described = analyzer.describe([r.text for r in group], [r.spans or [] for r in group])
        for r, ms in zip(group, described, strict=True):
            for m in ms:
                head[(r.id, m.start, m.end)] = f"{topic}|{m.root_lemma or m.head}"
                exact[(r.id, m.start, m.end)] = f"{topic}|{m.text.lower()}"
    key = _clusters(gold)
    return EntityEval(
        system=score(key, _clusters(system)),
        head_lemma=score(key, _clusters(head)),
        exact_string=score(key, _clusters(exact)),
        documents=len(records),
        mentions=len(gold),
        topics=len(by_topic),
        folds=folds,
    )


def _cross_validated(
    topics: list[Topic], by_topic: dict[str, list[LinkRecord]], options: LinkOptions, folds: int
) -> dict[tuple[str, int, int], str]:
    out: dict[tuple[str, int, int], str] = {}
    for topic, clusters in cross_validated_clusters(topics, options, folds).items():
        group = by_topic[topic]
        for cluster in clusters:
            d, i = cluster[0]
            spans = group[d].spans or []
            eid = f"{topic}|{group[d].id}|{spans[i][0]}"
            for dd, ii in cluster:
                s, e = (group[dd].spans or [])[ii]
                out[(group[dd].id, s, e)] = eid
    return out


def format_entity_eval(result: EntityEval) -> str:
    rows = [
        ("storyline", result.system),
        ("same head lemma", result.head_lemma),
        ("exact string", result.exact_string),
    ]
    lines = [
        f"ECB+ dev: {result.documents} docs, {result.topics} topics, "
        f"{result.mentions} gold entity mentions (selected sentences)"
        + (
            f"; merge model cross-validated by topic ({result.folds} folds)"
            if result.folds > 1
            else ""
        ),
        f"{'system':<16} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}",
    ]
    for name, s in rows:
        lines.append(
            f"{name:<16} {100 * s.muc.f1:6.1f} {100 * s.b_cubed.f1:6.1f} "
            f"{100 * s.ceaf_e.f1:6.1f} {100 * s.conll_f1:6.1f}"
        )
    return "\n".join(lines)
