"""Personal data (个人信息保护法): masked in every output unless a reveal is asked for."""

import re


def mask_name(name: str | None) -> str | None:
    """张三 → 张*, 欧阳小明 → 欧***: the first character stays."""
    if not name:
        return name
    return name[0] + "*" * (len(name) - 1)


def mask_phone(phone: str | None) -> str | None:
    """13812345678 → 138****5678: the first three and last four digits stay. A number
    already masked (as a viewer reads it on a shared server) stays as it is."""
    if not phone or "*" in phone:
        return phone
    digits = phone if phone.isdecimal() else re.sub(r"\D", "", phone)
    if len(digits) < 8:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id_number(number: str | None) -> str | None:
    """320703198001011234 → 320703********1234: region and last four stay."""
    if not number:
        return number
    if len(number) < 11:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_field(field: str | None, value: str | None) -> str | None:
    """A stored value masked as its field is (a history row's old or new): names, phones
    and ID numbers; any other field as it is."""
    masks = {"petitioner": mask_name, "phone": mask_phone, "id_number": mask_id_number}
    return masks[field](value) if field in masks else value
