"""文号 allocation: per prefix and year, no gaps, no duplicates — also when two officers issue at the same moment."""

import multiprocessing as mp
import threading

from chengguan.documents.numbering import MemoryAllocator, NumberAllocator, SQLiteAllocator

PREFIX = "涪城管罚决字"


def test_format_and_per_kind_per_year_sequences(tmp_path):
    a = SQLiteAllocator(tmp_path / "n.sqlite3")
    assert isinstance(a, NumberAllocator)
    assert a.allocate(PREFIX, 2026) == "涪城管罚决字〔2026〕第0001号"
    assert a.allocate(PREFIX, 2026) == "涪城管罚决字〔2026〕第0002号"
    assert a.allocate("涪城管罚告字", 2026) == "涪城管罚告字〔2026〕第0001号"
    assert a.allocate(PREFIX, 2027) == "涪城管罚决字〔2027〕第0001号"
    # a second allocator on the same file continues the sequence
    assert SQLiteAllocator(tmp_path / "n.sqlite3").allocate(PREFIX, 2026) == "涪城管罚决字〔2026〕第0003号"


def _check_no_gaps(numbers, n):
    serials = sorted(int(x.split("第")[1].rstrip("号")) for x in numbers)
    assert serials == list(range(1, n + 1)), serials[:10]


def test_two_threads_issuing_at_once(tmp_path):
    a = SQLiteAllocator(tmp_path / "t.sqlite3")
    out: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def officer():
        start.wait()
        mine = [a.allocate(PREFIX, 2026, kind="行政处罚决定书") for _ in range(100)]
        with lock:
            out.extend(mine)

    ts = [threading.Thread(target=officer) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert len(out) == len(set(out)) == 200
    _check_no_gaps(out, 200)
    assert len(a.issued(PREFIX, 2026)) == 200


def _proc(path, n, q, barrier):
    barrier.wait()
    a = SQLiteAllocator(path)
    q.put([a.allocate(PREFIX, 2026) for _ in range(n)])


def test_two_processes_issuing_at_once(tmp_path):
    path = str(tmp_path / "p.sqlite3")
    SQLiteAllocator(path)
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    barrier = ctx.Barrier(2)
    ps = [ctx.Process(target=_proc, args=(path, 60, q, barrier)) for _ in range(2)]
    for p in ps:
        p.start()
    got = q.get(timeout=120) + q.get(timeout=120)
    for p in ps:
        p.join(timeout=60)
    assert len(got) == len(set(got)) == 120
    _check_no_gaps(got, 120)


def test_memory_allocator_is_thread_safe():
    a = MemoryAllocator()
    out = []
    ts = [threading.Thread(target=lambda: out.extend(a.allocate(PREFIX, 2026) for _ in range(200))) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    _check_no_gaps(out, 800)


def test_render_set_allocates_missing_numbers(record, tmp_path):
    from chengguan.documents.render import render_set
    from chengguan.documents.text import docx_lines

    a = SQLiteAllocator(tmp_path / "r.sqlite3")
    rec = record.model_copy(update={"doc_numbers": {}})
    res = {r.kind: r.docx for r in render_set(rec, tmp_path / "out", allocator=a)}
    assert "涪城管罚决字〔2026〕第0001号" in docx_lines(res["行政处罚决定书"])
    assert "涪城管罚告字〔2026〕第0001号" in "\n".join(docx_lines(res["行政处罚决定书"]))
    assert len(a.issued()) == 7
