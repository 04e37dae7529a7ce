"""The papers as Word documents: the built-in template of each kind (A4, in the wording
these papers use, with Jinja2 placeholders an office may move and restyle in Word or WPS),
and filling a template with a paper's fields (docxtpl).

A built-in template is made here with python-docx, each placeholder whole in one run (Word
splits a placeholder typed across formatting into pieces docxtpl cannot read). Layout after
GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm, the title in 22 pt 小标宋, the
body in 16 pt 仿宋 at a fixed 28 pt line, the first line of a paragraph indented two
characters, the deciding body and the date at the end with room for the seal (papers are
signed by the body that decided, never an internal office: `[office] issuer`, and for a
review or re-review the body above).
"""

import io
from typing import Any

from xinfang_cli.domain.enums import NoticeKind
from xinfang_cli.domain.errors import BadInput
from xinfang_cli.domain.papers import FIELDS

INTRO = ("本机关于{{ received }}收到你（们）的信访事项（编号{{ case_id }}，来源：{{ source }}），"
         "反映：{{ summary }}。")
MATTER = "信访事项（编号{{ case_id }}，反映：{{ summary }}）"

BODY: dict[NoticeKind, list[str]] = {
    NoticeKind.ACCEPTANCE: [
        INTRO,
        "经审查，该信访事项属于本机关职权范围。依照{{ basis }}的规定，本机关决定予以受理"
        "（受理日期：{{ accepted }}），交由{{ unit }}办理，并将在{{ due }}前办结，"
        "书面答复你（们）。",
        "特此告知。",
    ],
    NoticeKind.REJECTION: [
        INTRO,
        "经审查，{{ reason }}。依照{{ basis }}的规定，本机关决定不予受理。",
        "你（们）可以依照有关法律、行政法规规定的程序，向有权处理的机关提出。",
        "特此告知。",
    ],
    NoticeKind.EXTENSION: [
        INTRO + "本机关已于{{ accepted }}受理，交由{{ unit }}办理。",
        "因{{ extension_reason }}，该信访事项不能在规定期限内办结。依照{{ basis }}的规定，"
        "经本机关负责人批准，办理期限延长{{ extension_days }}日，至{{ due }}前办结。",
        "特此告知。",
    ],
    NoticeKind.REPLY: [
        INTRO + "本机关于{{ accepted }}受理，交由{{ unit }}办理。经调查核实，依照"
        "{{ regulation }}的有关规定，提出处理意见如下：",
        "{{ decision }}",
        "以上处理意见于{{ decided }}作出。如对本处理意见不服，可以自收到本意见书之日起"
        "{{ remedy_days }}日内，依照{{ remedy_basis }}的规定，向{{ superior }}请求复查。",
    ],
    NoticeKind.REVIEW: [
        "你（们）对" + MATTER + "的处理意见不服，于{{ review_requested }}请求复查。本机关依照"
        "{{ regulation }}的有关规定进行了复查，提出复查意见如下：",
        "{{ decision }}",
        "以上复查意见于{{ decided }}作出。如对本复查意见不服，可以自收到本意见书之日起"
        "{{ remedy_days }}日内，依照{{ remedy_basis }}的规定，向{{ superior_above }}请求复核。",
    ],
    NoticeKind.REREVIEW: [
        "你（们）对" + MATTER + "的复查意见不服，于{{ rereview_requested }}请求复核。本机关"
        "依照{{ regulation }}的有关规定进行了复核，提出复核意见如下：",
        "{{ decision }}",
        "以上复核意见于{{ decided }}作出，为最终意见。你（们）仍以同一事实和理由提出信访的，"
        "依照{{ basis }}的规定，不再受理。",
    ],
}

TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"


def builtin_template(kind: NoticeKind) -> bytes:
    """The built-in template of `kind`, as the bytes of a `.docx`."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    doc = _a4(Document(), Pt(16))
    normal = doc.styles["Normal"].paragraph_format
    normal.line_spacing_rule, normal.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28)
    normal.space_before = normal.space_after = Pt(0)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(40)
    _font(title.add_run("{{ title }}"), TITLE_FONT, Pt(22))
    number = doc.add_paragraph("{{ number }}")
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph()
    doc.add_paragraph("{{ petitioner }}：")
    for text in BODY[kind]:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Pt(32)
    for _ in range(3):  # room for the seal, stamped over the name and the day
        doc.add_paragraph()
    for text in ("{{ issuer }}", "{{ issued }}"):
        line = doc.add_paragraph(text)
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.right_indent = Pt(64)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _a4(doc: Any, size: Any) -> Any:
    """An A4 page with GB/T 9704's margins, the body in 仿宋 of `size`."""
    from docx.shared import Mm

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _font(doc.styles["Normal"], BODY_FONT, size)
    return doc


def _font(target: Any, name: str, size: Any) -> None:
    """A font for Latin and Chinese text alike (Word keeps the East Asian font apart)."""
    from docx.oxml.ns import qn

    target.font.name, target.font.size = name, size
    r_pr = target.element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def fill(template: bytes, fields: dict[str, Any], origin: str) -> bytes:
    """The template filled with a paper's fields. A file that is no Word document, a
    placeholder Jinja2 cannot read, or one that names no field of `domain.papers.FIELDS` is
    refused (exit 2) naming `origin` and the fault."""
    from docxtpl import DocxTemplate, Listing

    try:
        document = DocxTemplate(io.BytesIO(template))
        unknown = sorted(document.get_undeclared_template_variables(context=fields))
        if unknown:
            raise BadInput("err.template_unknown", path=origin, names=", ".join(unknown),
                           known=", ".join(FIELDS))
        context = {k: Listing(v) if isinstance(v, str) and "\n" in v else v
                   for k, v in fields.items()}
        document.render(context, autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except BadInput:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign file fails in many ways
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BadInput("err.template_bad", path=origin, reason=reason) from None
    return out.getvalue()


def paper_text(data: bytes) -> str:
    """A Word document's paragraphs as plain text, one per line (the README's example, and
    the tests' look at a filled paper)."""
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def supervision_slip(rem: Any, office: str) -> bytes:
    """督办单: one unit's overdue and due-soon cases on one A4 sheet, for an office that
    delivers its reminders on paper (`xf remind --print DIR`). No petitioner's name."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from xinfang_cli.domain.reminders import case_line, cn_date, request

    doc = _a4(Document(), Pt(14))
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run("信访事项督办单"), TITLE_FONT, Pt(22))
    doc.add_paragraph(f"{rem.head or rem.unit_name}同志（{rem.unit_name}）：")
    doc.add_paragraph(request(rem, office)).paragraph_format.first_line_indent = Pt(28)
    for heading, entries in (("超期", rem.overdue), ("即将到期", rem.due_soon)):
        if entries:
            doc.add_paragraph(f"{heading}（{len(entries)}件）：")
            for entry in entries:
                doc.add_paragraph(case_line(entry))
    for text in (office, cn_date(rem.as_of)):
        line = doc.add_paragraph(text)
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
