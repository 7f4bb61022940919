"""Writers for the corpus: plain text, CSV, DOCX (python-docx), XLSX
(openpyxl), PDF (reportlab, invariant output), HTML, EML and mbox (email).
Each takes a path and content; none knows about truth."""
import csv
import email.policy
import io
import mailbox
import os
import zlib
from email.message import EmailMessage


def _mkdir(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)


def text(path, body):
    _mkdir(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)


def csv_file(path, header, rows, delimiter=";"):
    _mkdir(path)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)


def docx(path, paragraphs, table=None):
    import docx as _docx
    _mkdir(path)
    d = _docx.Document()
    d.core_properties.author = "HR-systeem"
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for c, v in zip(cells, row):
                c.text = v
    d.save(path)


def xlsx(path, sheet, header, rows):
    import openpyxl
    _mkdir(path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.properties.creator = "Export"
    wb.save(path)


_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def pdf_bytes(lines):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    # The standard PDF fonts cannot show ı, ş or ł (Turkish, Polish names):
    # embed DejaVu Sans when the system has it, as real documents would.
    if os.path.exists(_FONT):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", _FONT))
        c.setFont("DejaVuSans", 10)
    y = 800
    for line in lines:
        if y < 60:
            c.showPage()
            y = 800
        c.drawString(50, y, line)
        y -= 15
    c.save()
    return buf.getvalue()


def pdf(path, lines):
    _mkdir(path)
    with open(path, "wb") as f:
        f.write(pdf_bytes(lines))


def html(path, title, blocks):
    """blocks: list of ("p", text) or ("table", header, rows)."""
    import html as h
    out = [f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{h.escape(title)}</title></head><body>"]
    for b in blocks:
        if b[0] == "p":
            out.append("<p>" + h.escape(b[1]).replace("\n", "<br>") + "</p>")
        elif b[0] == "table":
            out.append("<table><tr>" + "".join(f"<th>{h.escape(c)}</th>" for c in b[1]) + "</tr>")
            for r in b[2]:
                out.append("<tr>" + "".join(f"<td>{h.escape(c)}</td>" for c in r) + "</tr>")
            out.append("</table>")
    out.append("</body></html>\n")
    text(path, "\n".join(out))


def message(sender, to, subject, date, body, attachments=()):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = f"<{zlib.crc32((subject + date).encode())}@corpus.example>"
    m.set_content(body)
    for name, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return m


def eml(path, msg):
    _mkdir(path)
    with open(path, "wb") as f:
        f.write(msg.as_bytes())


def mbox(path, messages):
    _mkdir(path)
    if os.path.exists(path):
        os.remove(path)
    box = mailbox.mbox(path)
    for m in messages:
        box.add(mailbox.mboxMessage(m))
    box.flush()
    box.close()
