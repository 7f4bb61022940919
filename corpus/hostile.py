#!/usr/bin/env python3
"""Writes the hostile-input corpus (issue 17) into a folder; nothing of it
is committed as bytes. Each case is one file; the personal data is synthetic
(a checksum-valid BSN, written near the start so that a scan cut short by a
limit must still find it).

  usage: hostile.py OUT_DIR [--big]

Cases (small sizes by default, for the test; --big for bench/hostile_rss.py):
  bomb_text.txt.gz     gzip of highly repetitive text (big: 1 GB, ~1 MB gz):
                       beyond max_ratio; the BSN at its start must be found
  lying_header.zip     one deflated text member whose local and central
                       headers claim 1,000 bytes (big: 1 GiB real)
  honest_big.zip       one honest text member of varied text that
                       compresses about 3:1 (small: 72 MB, big: 500 MB)
  zip_in_zip.zip       a stored zip inside a zip, bigger than
                       max_member_in_memory (random data: read whole, refused;
                       small: 8 MB, scanned with --max-member-in-memory 4M;
                       big: 72 MB, over the default 64 MiB)
  damaged_stream.pdf   two pages (reportlab), the second page's compressed
                       content stream damaged: page 1 (with the BSN) is read
  damaged_part.xlsx    a workbook whose sheet (numbers, BSN) is intact and
                       whose shared-strings part is not XML any more
  damaged_zip_part.xlsx  the same with well-formed shared strings whose
                       compressed bytes in the zip are damaged
  nul_start.txt.gz     gzip of NUL bytes followed by text with the BSN
  empty.tar.gz         an empty tar (NUL bytes only): no record at all
"""
import gzip
import io
import os
import pathlib
import random
import re
import struct
import subprocess
import sys
import zipfile
import zlib

BSN = "111222333"
HEAD = f"Klantdossier\nBurgerservicenummer: {BSN}\n"
MiB = 1 << 20


def _repetitive(size):
    """Yields chunks of very compressible text totalling `size` bytes."""
    line = b"Dit is een regel tekst zonder persoonsgegevens, steeds dezelfde.\n"
    chunk = line * (MiB // len(line))
    left = size
    while left > 0:
        piece = chunk[:left]
        left -= len(piece)
        yield piece


def _varied(size, seed=17):
    """Yields chunks of text that deflate compresses about 4:1 (words and
    numbers drawn at random), without personal data."""
    rnd = random.Random(seed)
    words = ("het de een van en in is dat op te zijn met voor niet aan er maar om "
             "ook als dan bij nog uit wel naar kan tot door over zo hem deze "
             "rapport overzicht bijlage project planning budget").split()
    # A pool of lines reused at random: fast to produce, still ~4:1.
    pool = [" ".join(rnd.choice(words) for _ in range(12)) + f" {rnd.randrange(10**6)}\n"
            for _ in range(20000)]
    left = size
    while left > 0:
        piece = "".join(rnd.choice(pool) for _ in range(16000)).encode()[:left]
        left -= len(piece)
        yield piece


def bomb_text(out, size):
    with gzip.open(out / "bomb_text.txt.gz", "wb", compresslevel=9) as f:
        f.write(HEAD.encode())
        for piece in _repetitive(size):
            f.write(piece)


def _deflate_member(name, chunks):
    """A zip (bytes) of one deflated member, from streamed chunks."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc, size, data = 0, 0, []
    for piece in chunks:
        crc = zlib.crc32(piece, crc)
        size += len(piece)
        data.append(comp.compress(piece))
    data.append(comp.flush())
    return name.encode(), b"".join(data), crc, size


def _zip_bytes(name, payload, crc, size, claimed=None):
    """A zip of one member with deflated `payload`; headers claim `claimed`
    as the uncompressed size (the truth when None)."""
    claimed = size if claimed is None else claimed
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(payload), claimed,
                        len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(payload),
                          claimed, len(name), 0, 0, 0, 0, 0o100644 << 16, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(payload), 0)
    return local + payload + central + end


def lying_header(out, size):
    name, payload, crc, real = _deflate_member(
        "notities.txt", [HEAD.encode(), *_repetitive(size)])
    (out / "lying_header.zip").write_bytes(_zip_bytes(name, payload, crc, real, claimed=1000))


def honest_big(out, size):
    # zipfile streams the member (no whole copy in memory).
    with zipfile.ZipFile(out / "honest_big.zip", "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("export/klanten.txt", "w", force_zip64=True) as f:
            f.write(HEAD.encode())
            for piece in _varied(size):
                f.write(piece)


def zip_in_zip(out, size):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as z:
        z.writestr("lees.txt", HEAD)
        z.writestr("ruis.bin", os.urandom(size))
    # Deflated, so the inner zip is decompressed (not a view of the outer).
    with zipfile.ZipFile(out / "zip_in_zip.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("binnen.zip", inner.getvalue())
        z.writestr("los.txt", HEAD)


def damaged_pdf(out):
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf)  # reportlab compresses page streams by default
    c.drawString(72, 780, "Klantdossier")
    c.drawString(72, 760, f"Burgerservicenummer: {BSN}")
    c.showPage()
    c.drawString(72, 780, "Tweede pagina met een bijlage en nog wat tekst")
    c.drawString(72, 760, "Nog een regel tekst op de tweede pagina")
    c.showPage()
    c.save()
    pdf = bytearray(buf.getvalue())
    # The content streams in file order: page 1, page 2. Damage the second
    # one's deflate data in the middle (its length and the xref stay right).
    streams = [m for m in re.finditer(rb"stream\r?\n", pdf)]
    contents = [m for m in streams if b"/FlateDecode" in pdf[max(0, m.start() - 200):m.start()]]
    target = contents[-1]
    start = target.end()
    end = pdf.index(b"endstream", start)
    for i in range(start + 2, end - 2):
        pdf[i] ^= 0x5A
    (out / "damaged_stream.pdf").write_bytes(bytes(pdf))


def damaged_xlsx(out):
    # A minimal workbook written by hand (the OOXML parts as Excel writes
    # them): the sheet holds the BSN as a number, the labels are shared
    # strings, and the shared-strings part is then damaged.
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Klanten" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml":
            '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
            f'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>{BSN}</v></c></row>'
            '</sheetData></worksheet>',
        # Cut in the middle of an element: no longer well-formed XML.
        "xl/sharedStrings.xml":
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
            '<si><t>Naam</t></si><si><t>BSN</t></si><si><t>Jan de V',
    }
    with zipfile.ZipFile(out / "damaged_part.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    # The same workbook with well-formed shared strings whose compressed
    # bytes in the zip are damaged (bad deflate data / CRC), as a disk error
    # leaves them.
    parts["xl/sharedStrings.xml"] += '</t></si></sst>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    data = bytearray(buf.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("xl/sharedStrings.xml")
    header = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[header + 26:header + 30])
    start = header + 30 + name_len + extra_len
    for i in range(start + 4, start + info.compress_size - 4):
        data[i] ^= 0x33
    (out / "damaged_zip_part.xlsx").write_bytes(bytes(data))


def nul_start(out):
    with gzip.open(out / "nul_start.txt.gz", "wb") as f:
        f.write(b"\0" * 4096 + HEAD.encode() * 4)


def empty_tar(out):
    # An empty tar is all NUL bytes: read as a file it holds nothing, and
    # must not be reported like the NUL-led text above.
    import tarfile
    with tarfile.open(out / "empty.tar.gz", "w:gz"):
        pass


def build(out, big=False):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    bomb_text(out, 1000 * MiB if big else 40 * MiB)
    lying_header(out, 1024 * MiB if big else 40 * MiB)
    honest_big(out, 500 * MiB if big else 72 * MiB)
    zip_in_zip(out, 72 * MiB if big else 8 * MiB)
    damaged_pdf(out)
    damaged_xlsx(out)
    nul_start(out)
    empty_tar(out)
    for p in out.iterdir():
        p.chmod(0o600)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    build(sys.argv[1], big="--big" in sys.argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
