"""Stage 1 (ftzgraph.read): files, encodings, segments, corpora and failures."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from ftzgraph.read import ReadFailure, Skipped, read_paths, row_text
from ftzgraph.records import Document, Segment

ZH = "自贸试验区全面实施外商投资准入前国民待遇加负面清单管理制度。"
EN = "The pilot zone applies pre-establishment national treatment plus a negative list."
ZH_2 = "国际贸易单一窗口覆盖了货物申报和船舶申报等主要业务。"
EN_2 = "The single window now covers cargo and vessel declarations."


# --- helpers ---------------------------------------------------------------


def read_all(*paths: os.PathLike[str] | str) -> list[Document | ReadFailure | Skipped]:
    return list(read_paths(paths))


def read_one(path: Path) -> Document:
    events = read_all(path)
    assert len(events) == 1, events
    (doc,) = events
    assert isinstance(doc, Document), doc
    return doc


def spans(doc: Document) -> list[tuple[str, str]]:
    return [(seg.lang, doc.text[seg.begin : seg.end]) for seg in doc.segments]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def only_failure(events: list) -> ReadFailure:
    assert len(events) == 1, events
    (failure,) = events
    assert isinstance(failure, ReadFailure), failure
    return failure


# --- bilingual and single-language files ------------------------------------


def test_bilingual_file_segments(tmp_path: Path) -> None:
    text = f"{ZH}\n<<{EN}\n<<\n"
    doc = read_one(write(tmp_path / "policy.txt", text))
    assert doc.text == text
    assert doc.identifier == "policy.txt"
    assert doc.encoding == "utf-8"
    en_begin = len(ZH) + 3  # "\n<<"
    assert doc.segments == (
        Segment("zh", 0, len(ZH)),
        Segment("en", en_begin, en_begin + len(EN)),
    )
    assert spans(doc) == [("zh", ZH), ("en", EN)]
    assert doc.languages == ("zh", "en")


def test_bilingual_multiline_with_trailing_whitespace(tmp_path: Path) -> None:
    zh = f"{ZH}\n{ZH_2}"
    en = f"{EN}\n{EN_2}"
    text = f"{zh}  \n\n<<{en}   \n\n<<\n"
    doc = read_one(write(tmp_path / "two.txt", text))
    assert spans(doc) == [("zh", zh), ("en", en)]
    en_seg = doc.segments[1]
    assert en_seg.begin == text.index("<<") + 2
    assert text[en_seg.end :] == "   \n\n<<\n"


def test_chinese_only_file(tmp_path: Path) -> None:
    text = f"{ZH}\n{ZH_2}\n"
    doc = read_one(write(tmp_path / "zh.txt", text))
    assert spans(doc) == [("zh", f"{ZH}\n{ZH_2}")]
    assert doc.segments[0].begin == 0
    assert doc.languages == ("zh",)


def test_english_only_file(tmp_path: Path) -> None:
    text = f"<<{EN} {EN_2}\n<<\n"
    doc = read_one(write(tmp_path / "en.txt", text))
    assert doc.segments == (Segment("en", 2, 2 + len(EN) + 1 + len(EN_2)),)
    assert spans(doc) == [("en", f"{EN} {EN_2}")]
    assert doc.languages == ("en",)


def test_unmarked_file_is_split_by_detected_language(tmp_path: Path) -> None:
    text = f"{ZH}\n{ZH_2}\n\n{EN}\n{EN_2}\n"
    doc = read_one(write(tmp_path / "plain.txt", text))
    assert spans(doc) == [("zh", f"{ZH}\n{ZH_2}"), ("en", f"{EN}\n{EN_2}")]
    zh_seg, en_seg = doc.segments
    assert zh_seg.begin == 0
    assert en_seg.begin == text.index("The pilot")


def test_chinese_sentence_with_acronym_stays_chinese(tmp_path: Path) -> None:
    zh = "临港新片区主动对接RCEP和CPTPP等高标准经贸规则。"
    text = f"{zh}\n\n{EN}\n"
    doc = read_one(write(tmp_path / "acronym.txt", text))
    assert spans(doc) == [("zh", zh), ("en", EN)]


def test_english_sentence_quoting_chinese_term_stays_english(tmp_path: Path) -> None:
    en = "The State Council keeps deepening the 放管服 reform of government functions."
    text = f"{ZH}\n\n{en}\n"
    doc = read_one(write(tmp_path / "quote.txt", text))
    assert spans(doc) == [("zh", ZH), ("en", en)]


# --- encodings and line endings ---------------------------------------------


def test_utf8_bom_is_dropped_and_offsets_shift(tmp_path: Path) -> None:
    text = f"{ZH}\n<<{EN}\n<<\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    doc = read_one(path)
    assert not doc.text.startswith("\ufeff")
    assert doc.text == text
    assert doc.encoding == "utf-8"
    assert doc.segments[0] == Segment("zh", 0, len(ZH))
    assert spans(doc) == [("zh", ZH), ("en", EN)]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_gb_encoded_file_reads_like_utf8(tmp_path: Path, encoding: str) -> None:
    text = f"{ZH}\n<<{EN}\n<<\n"
    utf8 = read_one(write(tmp_path / "u" / "a.txt", text))
    gb = read_one(write(tmp_path / "g" / "a.txt", text, encoding))
    assert gb.text == utf8.text == text
    assert gb.segments == utf8.segments
    assert gb.encoding == "gb18030"
    assert utf8.encoding == "utf-8"


def test_big5_traditional_text(tmp_path: Path) -> None:
    zh = "上海自由貿易試驗區持續優化國際貿易單一窗口，簡化通關手續。"
    text = f"{zh}\n<<{EN_2}\n<<\n"
    doc = read_one(write(tmp_path / "big5.txt", text, "big5"))
    assert doc.text == text
    assert doc.encoding.replace("_", "").replace("-", "") in {"big5", "cp950", "big5hkscs"}
    assert spans(doc) == [("zh", zh), ("en", EN_2)]


@pytest.mark.parametrize(
    ("codec", "reported"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_utf16_with_bom(tmp_path: Path, codec: str, reported: str) -> None:
    text = f"{ZH}\n<<{EN}\n<<\n"
    doc = read_one(write(tmp_path / "u16.txt", "\ufeff" + text, codec))
    assert doc.text == text
    assert doc.encoding == reported
    assert spans(doc) == [("zh", ZH), ("en", EN)]


def test_crlf_is_kept_and_segments_exclude_it(tmp_path: Path) -> None:
    zh = f"{ZH}\r\n{ZH_2}"
    text = f"{zh}\r\n<<{EN}\r\n<<\r\n"
    doc = read_one(write(tmp_path / "crlf.txt", text))
    assert doc.text == text
    assert "\r\n" in doc.text
    assert doc.segments == (
        Segment("zh", 0, len(zh)),
        Segment("en", len(zh) + 4, len(zh) + 4 + len(EN)),
    )
    assert spans(doc) == [("zh", zh), ("en", EN)]


def test_crlf_unmarked_file(tmp_path: Path) -> None:
    text = f"{ZH}\r\n\r\n{EN}\r\n"
    doc = read_one(write(tmp_path / "crlf-plain.txt", text))
    assert doc.text == text
    assert spans(doc) == [("zh", ZH), ("en", EN)]


def test_cr_only_line_endings_markers(tmp_path: Path) -> None:
    # Old Mac line endings: the segmenter's line pattern accepts a lone CR, so
    # the `<<` markers after a CR must be recognised too.
    text = f"{ZH}\r<<{EN}\r<<\r"
    doc = read_one(write(tmp_path / "cr.txt", text))
    assert doc.text == text
    assert spans(doc) == [("zh", ZH), ("en", EN)]


# --- file kinds, folders, identifiers ---------------------------------------


def test_markdown_is_read_like_text(tmp_path: Path) -> None:
    text = f"{ZH}\n<<{EN}\n<<\n"
    doc = read_one(write(tmp_path / "notes.md", text))
    assert doc.identifier == "notes.md"
    assert spans(doc) == [("zh", ZH), ("en", EN)]


def test_directory_walked_recursively_with_relative_sorted_identifiers(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "z_last.txt", ZH)
    write(root / "m" / "b.md", ZH_2)
    write(root / "m" / "a.txt", f"<<{EN}\n<<\n")
    write(root / "m" / "deep" / "c.txt", EN_2)
    write(root / "a_first.txt", ZH)
    events = read_all(root)
    assert all(isinstance(e, Document) for e in events), events
    ids = [e.identifier for e in events]
    assert set(ids) == {"a_first.txt", "z_last.txt", "m/a.txt", "m/b.md", "m/deep/c.txt"}
    assert ids == sorted(ids)
    by_id = {e.identifier: e for e in events}
    assert by_id["m/deep/c.txt"].text == EN_2
    assert by_id["m/deep/c.txt"].path == str(root / "m" / "deep" / "c.txt")


def test_single_file_argument_identifier_is_file_name(tmp_path: Path) -> None:
    path = write(tmp_path / "sub" / "dir" / "one.txt", ZH)
    doc = read_one(path)
    assert doc.identifier == "one.txt"
    assert doc.path == str(path)


def test_unsupported_kinds_are_skipped_not_failures(tmp_path: Path) -> None:
    write(tmp_path / "gold.json", json.dumps({"document": "x"}))
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "text.txt", ZH)
    events = read_all(tmp_path)
    skipped = sorted(e.path for e in events if isinstance(e, Skipped))
    assert skipped == [str(tmp_path / "chart.png"), str(tmp_path / "gold.json")]
    assert not [e for e in events if isinstance(e, ReadFailure)]
    assert [e.identifier for e in events if isinstance(e, Document)] == ["text.txt"]


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "a.txt", ZH)
    write(root / "sub" / "b.txt", EN)
    os.symlink(root, root / "sub" / "loop", target_is_directory=True)
    os.symlink(tmp_path, root / "up", target_is_directory=True)
    # Bounded, so a looping walker fails the assertion instead of hanging.
    events = list(itertools.islice(read_paths([root]), 1000))
    docs = sorted(e.identifier for e in events if isinstance(e, Document))
    assert docs == ["a.txt", "sub/b.txt"]
    assert not [e for e in events if isinstance(e, ReadFailure)]


def test_file_symlink_loop_is_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", ZH)
    os.symlink(tmp_path / "y.txt", tmp_path / "x.txt")
    os.symlink(tmp_path / "x.txt", tmp_path / "y.txt")
    events = read_all(tmp_path)
    failures = [e for e in events if isinstance(e, ReadFailure)]
    assert sorted(f.path for f in failures) == [str(tmp_path / "x.txt"), str(tmp_path / "y.txt")]
    assert [e.identifier for e in events if isinstance(e, Document)] == ["good.txt"]


# --- JSONL corpora ----------------------------------------------------------


def jsonl(rows: list[dict | str]) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows
    )


def test_row_text_format() -> None:
    assert row_text(ZH, EN) == f"{ZH}\n<<{EN}\n<<\n"
    assert row_text("", EN) == f"<<{EN}\n<<\n"
    assert row_text(ZH, "") == ZH


def test_jsonl_rows_become_documents(tmp_path: Path) -> None:
    rows = [
        {"id": "r1", "zh": ZH, "en": EN, "title": "负面清单", "year": 2021, "zone": "上海"},
        {"id": "r2", "zh": ZH_2, "source": "gov.cn"},
        {"id": 3, "en": EN_2},
    ]
    write(tmp_path / "sub" / "rows.jsonl", jsonl(rows))
    events = read_all(tmp_path)
    assert all(isinstance(e, Document) for e in events), events
    d1, d2, d3 = events
    assert [d.identifier for d in events] == [
        "sub/rows.jsonl#r1",
        "sub/rows.jsonl#r2",
        "sub/rows.jsonl#3",
    ]

    assert d1.text == row_text(ZH, EN)
    assert spans(d1) == [("zh", ZH), ("en", EN)]
    assert d1.segments[1].begin == len(ZH) + 3
    assert (d1.title, d1.year, d1.zone, d1.source) == ("负面清单", "2021", "上海", None)

    assert d2.text == row_text(ZH_2, "") == ZH_2
    assert spans(d2) == [("zh", ZH_2)]
    assert (d2.title, d2.year, d2.zone, d2.source) == (None, None, None, "gov.cn")

    assert d3.text == row_text("", EN_2)
    assert d3.segments == (Segment("en", 2, 2 + len(EN_2)),)
    assert d3.path == str(tmp_path / "sub" / "rows.jsonl")


def test_jsonl_single_file_identifier(tmp_path: Path) -> None:
    path = write(tmp_path / "deep" / "c.jsonl", jsonl([{"id": "x", "zh": ZH}]))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.identifier == "c.jsonl#x"


def test_jsonl_bad_line_is_a_failure_and_other_rows_still_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "rows.jsonl",
        jsonl([{"id": "a", "zh": ZH}, '{"id": "b", "zh": "单一窗口', "", {"id": "c", "en": EN}]),
    )
    events = read_all(path)
    assert [type(e) for e in events] == [Document, ReadFailure, Document]
    failure = events[1]
    assert failure.path == f"{path} line 2"
    assert str(failure).startswith(f"{path} line 2: ")
    assert "invalid JSON" in failure.reason
    assert [events[0].identifier, events[2].identifier] == ["rows.jsonl#a", "rows.jsonl#c"]


def test_jsonl_row_that_is_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.jsonl", jsonl([["r1", ZH], {"id": "r2", "zh": ZH}]))
    events = read_all(path)
    assert [type(e) for e in events] == [ReadFailure, Document]
    assert events[0].path == f"{path} line 1"
    assert "object" in events[0].reason


def test_jsonl_row_without_text_names_the_row(tmp_path: Path) -> None:
    path = write(
        tmp_path / "rows.jsonl",
        jsonl([{"id": "ok", "zh": ZH}, {"id": "empty-row", "zh": "  ", "en": None}]),
    )
    events = read_all(path)
    assert [type(e) for e in events] == [Document, ReadFailure]
    failure = events[1]
    assert failure.path == f"{path} line 2"
    assert "'empty-row'" in failure.reason
    assert "neither" in failure.reason


def test_jsonl_row_without_id(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.jsonl", jsonl([{"zh": ZH}]))
    failure = only_failure(read_all(path))
    assert failure.path == f"{path} line 1"
    assert "'id'" in failure.reason


def test_jsonl_unicode_line_separator_inside_a_string(tmp_path: Path) -> None:
    # json.dumps(ensure_ascii=False) writes U+2028 / U+0085 raw; they are not
    # JSONL line breaks, so the row must stay one row.
    zh = "加快建设国际贸易单一窗口。\u2028推动跨境贸易便利化。"
    en = "Trade facilitation\u0085continues."
    path = write(
        tmp_path / "rows.jsonl", jsonl([{"id": "ls", "zh": zh, "en": en}, {"id": "next", "zh": ZH}])
    )
    events = read_all(path)
    assert [type(e) for e in events] == [Document, Document], events
    assert events[0].text == row_text(zh, en)
    assert events[1].identifier == "rows.jsonl#next"


# --- CSV corpora ------------------------------------------------------------


def test_csv_rows_become_documents(tmp_path: Path) -> None:
    zh_multi = f"{ZH}\n{ZH_2}"
    content = (
        "id,zh,en,title,year,zone,source\r\n"
        f'c1,"{zh_multi}",{EN_2},单一窗口,2019,海南,\r\n'
        f'c2,,"{EN}",,,,mofcom\r\n'
    )
    path = tmp_path / "table.csv"
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))  # Excel-style BOM
    events = read_all(tmp_path)
    assert all(isinstance(e, Document) for e in events), events
    d1, d2 = events
    assert (d1.identifier, d2.identifier) == ("table.csv#c1", "table.csv#c2")
    assert d1.text == row_text(zh_multi, EN_2)
    assert spans(d1) == [("zh", zh_multi), ("en", EN_2)]
    assert (d1.title, d1.year, d1.zone, d1.source) == ("单一窗口", "2019", "海南", None)
    assert d2.text == row_text("", EN)
    assert spans(d2) == [("en", EN)]
    assert d2.source == "mofcom"


def test_csv_without_id_column_is_one_failure_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "noid.csv", f"key,zh\nk1,{ZH}\nk2,{ZH_2}\n")
    failure = only_failure(read_all(path))
    assert failure.path == str(path)
    assert str(failure).startswith(f"{path}: ")
    assert "'id'" in failure.reason


def test_csv_broken_quoting_keeps_earlier_rows(tmp_path: Path) -> None:
    path = write(
        tmp_path / "broken.csv",
        f'id,zh,en\nb1,{ZH},"{EN}"\nb2,"负面清单"缩减,x\nb3,{ZH_2},\n',
    )
    events = read_all(path)
    assert [type(e) for e in events] == [Document, ReadFailure]
    assert events[0].identifier == "broken.csv#b1"
    assert spans(events[0]) == [("zh", ZH), ("en", EN)]
    failure = events[1]
    assert failure.path == f"{path} line 3"
    assert "broken CSV" in failure.reason


def test_csv_unterminated_quote_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "open.csv", f'id,zh\nu1,{ZH}\nu2,"{ZH_2}\n')
    events = read_all(path)
    assert [type(e) for e in events] == [Document, ReadFailure]
    assert events[1].path.startswith(str(path))
    assert "broken CSV" in events[1].reason


def test_csv_row_with_extra_fields_and_empty_row(tmp_path: Path) -> None:
    path = write(tmp_path / "extra.csv", f"id,zh\ne1,{ZH},surplus\ne2,\ne3,{ZH_2}\n")
    events = read_all(path)
    assert [type(e) for e in events] == [ReadFailure, ReadFailure, Document]
    assert events[0].path == f"{path} line 2"
    assert "more fields" in events[0].reason
    assert events[1].path == f"{path} line 3"
    assert "'e2'" in events[1].reason
    assert events[2].identifier == "extra.csv#e3"


# --- failures ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "keyword"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", "  \n\t\r\n\u3000\n".encode(), "empty"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty"),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" + "负面清单".encode(), "binary"),
        ("numbers.txt", "2023。100%！\n".encode(), "no Chinese or English"),
    ],
)
def test_unreadable_file_is_a_failure_naming_it(
    tmp_path: Path, name: str, data: bytes, keyword: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    failure = only_failure(read_all(path))
    assert failure.path == str(path)
    assert str(failure).startswith(f"{path}: ")
    assert keyword in failure.reason


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "gone.txt"
    failure = only_failure(read_all(path))
    assert str(failure).startswith(str(path))
    assert "no such file" in failure.reason


def test_reading_never_stops_at_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    write(root / "1-empty.txt", "")
    (root / "2-binary.txt").write_bytes(b"\x00\x01\x02\x03")
    write(root / "3-good.txt", f"{ZH}\n<<{EN}\n<<\n")
    write(root / "4-blank.md", "\n\n   \n")
    write(root / "5-bad.jsonl", "{not json\n")
    write(root / "6-good.md", EN_2)
    events = read_all(root, tmp_path / "missing.txt")
    failures = {
        Path(e.path).name.split(" ")[0]: e.reason for e in events if isinstance(e, ReadFailure)
    }
    assert set(failures) == {
        "1-empty.txt",
        "2-binary.txt",
        "4-blank.md",
        "5-bad.jsonl",
        "missing.txt",
    }
    docs = [e.identifier for e in events if isinstance(e, Document)]
    assert docs == ["3-good.txt", "6-good.md"]
    assert isinstance(events[-1], ReadFailure)
    assert events[-1].path == str(tmp_path / "missing.txt")
