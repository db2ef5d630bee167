"""The workbooks fieldgrid writes, read back as Excel or WPS would open them: every value as it was given (a text
that looks like a formula or a link stays text), and a report laid out for paper (title over the whole width,
header shaded and repeated on each page, rows as tall as their wrapped text, totals in bold, A4 landscape one
page wide, page numbers)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from fieldgrid.exports.tables import LINE_POINTS, Sheet, write_table, write_workbook

TRICKY = ["=1+1", '=HYPERLINK("http://example.com","点我")', "http://example.com", "@SUM(A1)", "+86 138", "-3"]


def test_every_value_reads_back_as_given_and_no_text_becomes_a_formula(tmp_path: Path) -> None:
    rows = [[text, n, 2.5, None, ""] for n, text in enumerate(TRICKY)]
    path = tmp_path / "台账.xlsx"
    write_table(path, Sheet("台账", ["描述", "序号", "分", "空", "空白"], rows))
    ws = load_workbook(path).active
    assert ws is not None
    read = [list(r) for r in ws.iter_rows(values_only=True)]
    assert read[0] == ["描述", "序号", "分", "空", "空白"]
    assert read[1:] == [[text, n, 2.5, None, None] for n, text in enumerate(TRICKY)]
    assert {ws.cell(row, 1).data_type for row in range(2, 2 + len(TRICKY))} == {"s"}  # text, never "f"
    assert not ws._hyperlinks
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold


def test_a_report_is_laid_out_for_paper(tmp_path: Path) -> None:
    long = "楼道堆放杂物，消防通道被占用，多次劝说无效，需物业配合清理。" * 3
    rows = [["1栋1单元", long, 2], ["1栋2单元", "短", 1], ["合计", "", 3]]
    report = Sheet("问题台账", ["单元", "问题描述", "件数"], rows, caption="子龙社区 微网格问题台账 2026年11月",
                   subtitle="子龙社区服务站 · 生成于 2026-12-01", total_rows=1)  # fmt: skip
    path = tmp_path / "月度报表.xlsx"
    write_workbook(path, [report, Sheet("空表", ["甲"], [])])
    book = load_workbook(path)
    assert book.sheetnames == ["问题台账", "空表"]
    ws = book["问题台账"]
    assert [list(r) for r in ws.iter_rows(values_only=True)] == [
        ["子龙社区 微网格问题台账 2026年11月", None, None],
        ["子龙社区服务站 · 生成于 2026-12-01", None, None],
        ["单元", "问题描述", "件数"],
        *rows[:2],
        ["合计", None, 3],
    ]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:C1", "A2:C2"}
    assert ws["A1"].font.bold and ws["A1"].font.sz == 14
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$3:$3"
    header = ws["B3"]
    assert header.font.bold and header.fill.fgColor.rgb.endswith("E8E8E8") and header.border.top.style == "thin"
    assert ws["B4"].alignment.wrap_text and not ws["B4"].font.bold and ws["C6"].font.bold  # the totals row
    assert abs(ws.row_dimensions[5].height - (LINE_POINTS + 4)) < 1  # one line (heights go in whole pixels)
    assert ws.row_dimensions[4].height > 3 * LINE_POINTS  # the long description, wrapped in a 30-wide column
    assert 8 <= ws.column_dimensions["B"].width <= 32
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 9 and setup.fitToWidth in (1, None)
    assert setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.oddFooter.center.text == "&P / &N"
    empty = book["空表"]
    assert [list(r) for r in empty.iter_rows(values_only=True)] == [["甲"]]
