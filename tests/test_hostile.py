"""Hostile input through the real ``ftzgraph extract``: nothing crashes, nothing is lost.

One CLI run over a folder holding every kind of bad input we could think of,
plus good Chinese, English and bilingual texts. Each hostile file is either
processed correctly or named in exactly one ``error: <path>: <reason>`` line;
every good document is processed; every processed document is in the store
with its exact text (content hash) and exact offsets, checked against the
files decoded here, independently of the reader.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ftzgraph.pipeline import BATCH_SIZE, Pipeline, extract
from ftzgraph.store import open_store

FTZGRAPH = [sys.executable, "-m", "ftzgraph.cli"]

ZH = (
    "自贸试验区存在融资难、审批效率较低等问题。应简化审批流程，扩大市场准入，推进投资自由化便利化。"
)
EN = (
    "The pilot free trade zone should simplify approval procedures and expand market access. "
    "Problems such as insufficient financing and slow customs clearance remain."
)
ZH_TRAD = (
    "自由貿易試驗區存在融資難、審批效率較低等問題。"
    "應簡化審批流程，擴大市場準入，推進投資自由化便利化。"
)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
LONG_CHARS = 2_000_000


def bilingual(zh: str, en: str) -> str:
    return f"{zh}\n<<{en}\n<<\n"


def row_text(zh: str, en: str) -> str:
    """The README's rule for a corpus row's text (written out here, not imported)."""
    if zh and en:
        return f"{zh}\n<<{en}\n<<\n"
    return f"<<{en}\n<<\n" if en else zh


def long_line() -> str:
    """2,000,000 characters on one line: Chinese sentences of 300 characters, and an FTZ
    sentence every ~10,000 characters (mentions all along the line). Long sentences without
    commas keep it fast: each sentence is a graph node, and the Chinese role rules cost
    grows with clauses × words per sentence."""
    filler = (
        "这一段文字只是用来占位的内容今天的天气很好我们一起去公园散步然后回家吃饭晚上看书"
        "休息到十点钟就去睡觉了第二天早上起得很早然后去学校上课学习新的知识非常开心"
        "大家都觉得这样的生活很有规律也很充实"
    )
    filler = (filler * 4)[:299] + "。"
    block = filler * (10_000 // len(filler)) + "自贸试验区应扩大金融开放，推进投资自由化便利化。"
    text = (block * (LONG_CHARS // len(block) + 1))[: LONG_CHARS - 1] + "。"
    assert len(text) == LONG_CHARS and "\n" not in text
    return text


def make_corpus(root: Path) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Write the corpus; returns (processed identifier → text, failed path → reason keyword,
    skipped paths). Texts are what the files hold, decoded here by the test's own rules."""
    processed: dict[str, str] = {}
    failed: dict[str, str] = {}
    skipped: list[str] = []

    def put(name: str, data: bytes) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def good(name: str, text: str, encoding: str = "utf-8", bom: bytes = b"") -> None:
        data = bom + text.encode(encoding)
        put(name, data)
        decoded = data[len(bom) :].decode(encoding)  # independent of the reader
        assert decoded == text
        processed[name] = decoded

    def bad(name: str, data: bytes, keyword: str) -> None:
        put(name, data)
        failed[str(root / name)] = keyword

    # -- good texts, in every form the README promises
    good("good/zh.txt", ZH)
    good("good/en.md", f"<<{EN}\n<<\n")
    good("good/bilingual.txt", bilingual(ZH, EN))
    good("good/crlf.txt", bilingual(ZH, EN).replace("\n", "\r\n"))
    # -- encodings (processed, offsets in code points of the decoded text)
    good("enc/gbk.txt", bilingual(ZH, EN), "gbk")
    astral = "吉𠮷公司（U+20BB7 needs four GB18030 bytes）所在的" + ZH  # astral before mentions
    good("enc/gb18030.txt", astral, "gb18030")
    good("enc/big5.txt", ZH_TRAD, "big5")
    good("enc/utf16.txt", bilingual(ZH, EN), "utf-16-le", b"\xff\xfe")
    good("enc/utf8-bom.txt", bilingual(ZH, EN), "utf-8", b"\xef\xbb\xbf")
    # -- sizes and shapes
    good("long/two-million.txt", long_line())
    good("long/no-punctuation.txt", ("自贸试验区扩大金融开放推进投资自由化便利化" * 100)[:2000])
    # One 10,000-letter "word" (cut into pieces for spaCy). Kept short: the English sentence
    # splitter rescans a line from its start at every full stop (quadratic in line length).
    good("long/one-word.txt", "<<" + "x" * 10_000 + " should simplify approval procedures.\n<<\n")
    bad("long/fifty-megabytes.txt", b"a" * (50 * 1024 * 1024), "8 MiB limit")
    # -- markers
    good("markers/repeated.txt", f"{ZH}\n<<{EN}\n<<\n<<\n<<{EN}\n<<<<\n<<\n{ZH}\n<<")
    good("markers/unclosed.txt", f"{ZH}\n<<{EN}")
    bad("markers/only.txt", b"<<\n<<\n<<<<\n<<\n", "no Chinese or English")
    # -- scripts and characters
    good("scripts/traditional.txt", ZH_TRAD)
    good(
        "scripts/mixed.txt",
        "自贸试验区 free trade zone Зона свободной торговли منطقة التجارة الحرة 🚢🇨🇳 "
        "\u200f\u202eRTL\u202c e\u0301 ﷺ 应扩大金融开放，the zone should expand market access。",
    )
    good(
        "scripts/english-chinese-punctuation.txt",
        "The pilot zone should simplify approval procedures，expand market access；"
        "and open finance。Problems such as insufficient financing remain！",
    )
    good("scripts/controls.txt", f"\x1b[31m{ZH}\x1b[0m\x07\x0c\n<<{EN}\x08\x7f\x85\n<<\n")
    # -- empty, binary, undecodable
    bad("empty.txt", b"", "empty")
    bad("whitespace.txt", " \t\r\n\u3000\n\u00a0 ".encode(), "empty")
    bad("image.txt", PNG, "binary")
    bad("nul.txt", ZH.encode() + b"\x00" + EN.encode(), "binary")
    rng = random.Random(20240601)
    # Bytes 0x81–0xFE are almost all valid GB18030: only plausibility tells they are not text.
    bad("garbage.txt", bytes(rng.randrange(0x81, 0xFF) for _ in range(4000)), "not text")
    bad("garbage-short.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(24)), "not text")
    # -- corpora: the good rows are processed, each bad row is named with its line
    rows = [
        json.dumps({"id": "r1", "zh": ZH, "en": EN}, ensure_ascii=False),
        json.dumps({"id": "r2", "en": EN, "title": 'quotes " \\ and \n'}, ensure_ascii=False),
        '{"id": "r3", "zh": "未闭合',  # line 3: invalid JSON
        '{"id": "r4", "zh": "\\ud800 lone surrogate"}',  # line 4
        json.dumps({"id": "r1", "zh": ZH}, ensure_ascii=False),  # line 5: duplicate id
        "[" * 50_000,  # line 6: nested too deeply for the JSON parser
        json.dumps({"id": "r7", "zh": ZH_TRAD}, ensure_ascii=False),
    ]
    put("corpus/rows.jsonl", ("\n".join(rows) + "\n").encode())
    processed["corpus/rows.jsonl#r1"] = row_text(ZH, EN)
    processed["corpus/rows.jsonl#r2"] = row_text("", EN)
    processed["corpus/rows.jsonl#r7"] = row_text(ZH_TRAD, "")
    for line, keyword in ((3, "invalid JSON"), (4, "surrogate"), (5, "already used"), (6, "deep")):
        failed[f"{root / 'corpus/rows.jsonl'} line {line}"] = keyword
    put("corpus/broken.csv", f'id,zh,en\nc1,{ZH},"{EN}"\nc2,"{ZH},"unclosed\n'.encode())
    processed["corpus/broken.csv#c1"] = row_text(ZH, EN)
    failed[f"{root / 'corpus/broken.csv'} line 3"] = "broken CSV"
    # -- things that are not regular files
    # The tests run as root, so chmod 000 does not stop reading. What root cannot read as
    # a text file: a FIFO (opening it would wait for a writer forever: the reader refuses
    # non-regular files without opening them blocking), a link to a character device
    # (/dev/zero never ends), a dangling link, a link loop. A directory named x.txt is
    # a directory: walked into (its file is processed), never read as a text file.
    os.mkfifo(root / "fifo.txt")
    failed[str(root / "fifo.txt")] = "FIFO"
    os.mkfifo(root / "fifo.jsonl")
    failed[str(root / "fifo.jsonl")] = "FIFO"
    os.symlink("/dev/zero", root / "zero.txt")
    failed[str(root / "zero.txt")] = "character device"
    os.symlink(root / "nowhere.txt", root / "dangling.txt")
    failed[str(root / "dangling.txt")] = "does not exist"
    os.symlink(root / "self-loop.txt", root / "self-loop.txt")
    failed[str(root / "self-loop.txt")] = "symbolic links"
    (root / "loops").mkdir()
    os.symlink(root, root / "loops" / "up", target_is_directory=True)  # a folder loop
    good("x.txt/inside.txt", ZH)
    # -- file names
    bad_name = os.fsencode(root) + b"/name-\xff\xfe.txt"  # not UTF-8
    Path(os.fsdecode(bad_name)).write_bytes(ZH.encode())
    failed[os.fsdecode(bad_name)] = "not valid UTF-8"
    good("name with\nnewline & 'quotes' <> {} %20 #.txt", ZH)
    # -- other kinds: skipped, not failed
    for name, data in (("picture.png", PNG), ("notes.json", b"{}")):
        put(name, data)
        skipped.append(str(root / name))
    return processed, failed, skipped


ERROR = re.compile(r"^error: (.*)$")
SUMMARY = re.compile(r"^(\d+) processed(?:, (\d+) unchanged)?, (\d+) failed, (\d+) skipped")


def test_hostile_corpus_through_the_cli(tmp_path: Path, cli_env: dict[str, str]) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    processed, failed, skipped = make_corpus(root)
    store_path = tmp_path / "store"

    started = time.monotonic()
    result = subprocess.run(
        [*FTZGRAPH, "extract", str(root), "--store", str(store_path), "-q"],
        capture_output=True,
        env=cli_env,
        timeout=300,
    )
    seconds = time.monotonic() - started
    stdout = result.stdout.decode("utf-8")
    stderr = result.stderr.decode("utf-8", "backslashreplace")
    print(
        f"\nhostile corpus: {len(processed)} documents, {len(failed)} bad inputs: {seconds:.1f} s"
    )
    assert "Traceback" not in stderr, stderr
    assert result.returncode == 1, stderr

    # The summary: every count, and the last line of the output.
    last = stdout.strip().splitlines()[-1]
    counts = SUMMARY.match(last)
    assert counts, last
    expected = (str(len(processed)), None, str(len(failed)), str(len(skipped)))
    assert counts.group(1, 2, 3, 4) == expected

    # Exactly one error line per failed input, naming it; no other error lines.
    errors = [m.group(1) for line in stderr.splitlines() if (m := ERROR.match(line))]
    shown = {_shown(path): path for path in failed}
    named: dict[str, str] = {}
    for message in errors:
        path = max((p for p in shown if message.startswith(p + ": ")), key=len, default=None)
        assert path is not None, f"error line for an unexpected file: {message}"
        assert shown[path] not in named, f"two error lines for {path}"
        named[shown[path]] = message[len(path) + 2 :]
    assert set(named) == set(failed)
    for path, keyword in failed.items():
        assert keyword in named[path], (path, named[path])
    assert "8 MiB limit" in named[str(root / "long/fifty-megabytes.txt")]

    # Nothing lost: every processed document, with its exact text and exact offsets.
    store = open_store(store_path, read_only=True)
    docs = {
        row["id"].value: row["hash"].value
        for row in store.query(
            "SELECT ?id ?hash WHERE { ?d a ftz:Document ; dcterms:identifier ?id ; "
            "ftz:contentHash ?hash }"
        )
    }
    assert set(docs) == set(processed)
    for identifier, text in processed.items():
        assert docs[identifier] == hashlib.sha256(text.encode("utf-8")).hexdigest(), identifier
    spans = store.query(
        "SELECT ?id ?b ?e ?a ?kind WHERE { ?x ftz:inDocument ?d ; nif:beginIndex ?b ; "
        "nif:endIndex ?e ; nif:anchorOf ?a ; a ?kind . ?d dcterms:identifier ?id }"
    )
    checked: dict[str, int] = {}
    mentions: dict[str, int] = {}
    for row in spans:
        identifier = row["id"].value
        begin, end, anchor = int(row["b"].value), int(row["e"].value), row["a"].value
        assert processed[identifier][begin:end] == anchor, (identifier, begin, end, anchor)
        checked[identifier] = checked.get(identifier, 0) + 1
        if row["kind"].value.endswith("#Mention"):
            mentions[identifier] = mentions.get(identifier, 0) + 1
    assert set(checked) == set(processed)  # every document has sentences with offsets
    for identifier in ("good/zh.txt", "good/bilingual.txt", "enc/gbk.txt", "enc/big5.txt"):
        assert mentions.get(identifier, 0) >= 3, identifier
    assert mentions["enc/gb18030.txt"] >= 3  # offsets after an astral character
    assert mentions["long/two-million.txt"] >= 150  # the FTZ sentences all along the line
    far = store.query(
        "SELECT (MAX(?e) AS ?last) WHERE { ?m a ftz:Mention ; ftz:inDocument ?d ; "
        'nif:endIndex ?e . ?d dcterms:identifier "long/two-million.txt" }'
    )
    assert int(next(iter(far))["last"].value) > LONG_CHARS - 20_000


def _shown(path: str) -> str:
    """How a path appears in an error line: control characters and undecodable bytes escaped."""
    from ftzgraph.read.errors import shown

    return shown(path)


def test_a_file_removed_mid_run_is_reported_and_the_rest_processed(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    """The walk lists paths first, so a file deleted during the run is found missing."""
    root = tmp_path / "corpus"
    root.mkdir()
    # A first batch of rows: the text files are read only after it is stored.
    rows = [
        json.dumps({"id": f"r{i:02d}", "zh": ZH}, ensure_ascii=False) for i in range(BATCH_SIZE)
    ]
    (root / "a.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for name in ("b.txt", "c.txt", "d.txt"):
        (root / name).write_text(bilingual(ZH, EN), encoding="utf-8")
    victim = root / "c.txt"
    events: list[tuple[str, str]] = []

    def on_event(kind: str, what: str) -> None:
        if kind == "processed" and victim.exists():
            victim.unlink()
        events.append((kind, what))

    store = open_store(None)
    report = extract([root], store, pipeline=pipeline, on_event=on_event)
    assert not victim.exists()
    assert events[0][0] == "processed"
    assert [str(f) for f in report.failed] == [
        f"{victim}: file disappeared before it could be read"
    ]
    expected = [f"a.jsonl#r{i:02d}" for i in range(BATCH_SIZE)] + ["b.txt", "d.txt"]
    assert sorted(report.processed) == sorted(expected)
    assert store.document_count() == len(expected)
    assert report.summary() == f"{len(expected)} processed, 1 failed, 0 skipped"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_count_documents_does_not_block_on_special_files(tmp_path: Path, kind: str) -> None:
    """The progress bar counts corpus lines before reading; that must not open a FIFO either."""
    from ftzgraph.read.files import count_documents

    (tmp_path / "ok.jsonl").write_text('{"id": "1", "zh": "自贸区"}\n', encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(tmp_path / "rows.jsonl")
    else:
        os.symlink("/dev/zero", tmp_path / "rows.jsonl")
    started = time.monotonic()
    assert count_documents([tmp_path]) == 1
    assert time.monotonic() - started < 5


def test_the_same_identifier_from_two_folders_is_reported_not_replaced(tmp_path: Path) -> None:
    from ftzgraph.read import ReadFailure, read_paths
    from ftzgraph.records import Document

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "policy.txt").write_text(ZH, encoding="utf-8")
    events = list(read_paths([tmp_path / "a", tmp_path / "b"]))
    assert [e.identifier for e in events if isinstance(e, Document)] == ["policy.txt"]
    (failure,) = [e for e in events if isinstance(e, ReadFailure)]
    assert failure.path == str(tmp_path / "b" / "policy.txt")
    assert f"already read from {tmp_path / 'a' / 'policy.txt'}" in failure.reason
