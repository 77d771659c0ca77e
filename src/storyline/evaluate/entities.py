"""Cross-document entity resolution on ECB+ (CoNLL F1 vs a same-head baseline): ``storyline eval entities``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from storyline.commands.link import LinkRecord, link_group
from storyline.config import EntityLinkOptions as LinkOptions
from storyline.evaluate.coref_metrics import CorefScores, score
from storyline.jsonl import read_lines
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


def evaluate_entities(
    path: Path, analyzer: EntityAnalyzer | None = None, options: LinkOptions | None = None
) -> EntityEval:
    """Cross-document entity coreference on gold mentions, clustered within each topic."""
    analyzer = analyzer or SpacyEntityAnalyzer(cache_size=100_000)
    options = options or LinkOptions()
    records, gold = _gold_records(path)
    by_topic: dict[str, list[LinkRecord]] = defaultdict(list)
    for r in records:
        by_topic[r.group].append(r)
    system: dict[tuple[str, int, int], str] = {}
    head: dict[tuple[str, int, int], str] = {}
    exact: dict[tuple[str, int, int], str] = {}
    for topic in sorted(by_topic):
        group = by_topic[topic]
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
    )


def format_entity_eval(result: EntityEval) -> str:
    rows = [
        ("storyline", result.system),
        ("same head lemma", result.head_lemma),
        ("exact string", result.exact_string),
    ]
    lines = [
        f"ECB+ dev: {result.documents} docs, {result.topics} topics, "
        f"{result.mentions} gold entity mentions (selected sentences)",
        f"{'system':<16} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}",
    ]
    for name, s in rows:
        lines.append(
            f"{name:<16} {100 * s.muc.f1:6.1f} {100 * s.b_cubed.f1:6.1f} "
            f"{100 * s.ceaf_e.f1:6.1f} {100 * s.conll_f1:6.1f}"
        )
    return "\n".join(lines)
