import pytest
from pydantic import ValidationError

from chengguan.documents.record import CaseRecord, Party, ric_problem


def test_fuling_id_numbers_of_people_born_before_1997_are_valid():
    # 500102 (涪陵区) exists since 1997; stdnum.cn.ric.is_valid rejects such numbers for earlier births
    assert ric_problem("500102199003071232") is None
    p = Party(kind="个人", name="张某某", id_number="500102199003071232", address="重庆市涪陵区某路1号")
    assert p.gender == "男" and p.birth_date.year == 1990


@pytest.mark.parametrize("bad, why", [("500102199003071233", "校验码"), ("50010219900307123", "18位"),
                                      ("500102199002301235", None), ("990102199003071232", None)])
def test_invalid_id_numbers_are_refused(bad, why):
    with pytest.raises(ValidationError) as e:
        Party(kind="个人", name="张某某", id_number=bad, address="重庆市涪陵区某路1号")
    if why:
        assert why in str(e.value)


def test_company_needs_valid_credit_code_and_legal_representative():
    Party(kind="单位", name="重庆某某建材有限公司", uscc="91500102MA60ABCD11", legal_rep="刘某", address="涪陵区某大道88号")
    with pytest.raises(ValidationError, match="统一社会信用代码无效"):
        Party(kind="单位", name="某公司", uscc="91500102MA60ABCD12", legal_rep="刘某", address="涪陵区")
    with pytest.raises(ValidationError, match="法定代表人"):
        Party(kind="单位", name="某公司", uscc="91500102MA60ABCD11", address="涪陵区")


def test_two_officers_and_a_fine_amount_are_required(record):
    data = record.model_dump(mode="json")
    with pytest.raises(ValidationError, match="不得少于两人"):
        CaseRecord.model_validate({**data, "officers": data["officers"][:1]})
    with pytest.raises(ValidationError, match="罚款数额"):
        CaseRecord.model_validate({**data, "decision": {"kinds": ["罚款"]}})


def test_record_round_trips_through_json(record):
    assert CaseRecord.model_validate_json(record.model_dump_json()) == record
