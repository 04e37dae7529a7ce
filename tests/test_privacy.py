"""Personal data is masked in every output unless revealed, and each reveal is recorded."""

from conftest import Xf, add_case
from xinfang_cli.domain.masking import mask_id_number, mask_name, mask_phone


def test_masks() -> None:
    assert mask_name("张三") == "张*" and mask_name("欧阳小明") == "欧***"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0518-8523 1234") == "051*****1234"
    assert mask_id_number("32070319800101123X") == "320703********123X"


def test_reveal_is_recorded(office: Xf) -> None:
    cid = add_case(office, "--phone", "13812345678", petitioner="王小明")
    assert office.json("show", cid)["petitioner"] == "王**"
    assert "王小明" not in office.ok("show", cid).stdout
    assert "王小明" not in office.ok("list").stdout
    shown = office.json("show", cid, "--reveal")
    assert (shown["petitioner"], shown["phone"]) == ("王小明", "13812345678")
    listed = office.json("list", "--reveal")
    assert listed[0]["petitioner"] == "王小明"
    reveals = [(h["action"], h["new"], h["by"]) for h in office.json("show", cid)["history"]
               if h["action"] == "reveal"]
    assert reveals == [("reveal", "show", "tester"), ("reveal", "list", "tester")]
