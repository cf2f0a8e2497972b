"""A smaller ICU data library for the packaged app: only the parts of ICU's data Qt reads.

Qt's ``libQt6Core`` links ICU, whose ``libicudata.so.NN`` is one 32 MB array (the symbol
``icudtNN_dat``: ICU's "common data" package of about 3,900 items). Qt asks ICU for collation
(``QCollator``, which sorts the file dialog), character set converters (``QStringConverter``)
and normalization/casing; it takes locale names, currencies, units, time zone names and number
spelling from its own CLDR tables, so those parts of the package are never read. This module
copies the package without them into a new library with the same soname and symbol, built with
binutils (``as`` and ``ld``), so ICU finds everything it is asked for at the same place.

The spec calls :func:`trimmed_icu_data`; run it by hand to see what goes::

    .venv/bin/python packaging/icu_data.py PySide6/Qt/lib/libicudata.so.73 --list-dropped

It needs only the standard library and binutils.
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# What Qt reads, from the ICU functions libQt6Core imports (``readelf --dyn-syms``): ucol_*
# (QCollator: the file dialog sorts names with it) reads the coll/ tree; ucnv_* (QStringDecoder
# by name) reads cnvalias.icu and the *.cnv tables; u_strToUpper/u_strToLower (QLocale) need no
# data item; ucal_* (QTimeZone, only for its display names) reads zoneinfo64 and the calendar
# and supplemental data. Everything below is read only by ICU functions Qt never calls. Tracing
# ICU's file look-ups (``ICU_DATA=/nonexistent strace -e trace=openat``: ICU tries a file before
# the built-in package) while the app runs its window, print preview, file dialogs and PDF
# export, and a QCollator, QStringDecoder and QTimeZone in several locales, showed no look-up
# of a dropped item except the time zone names below.
UNREAD_TREES = {
    "brkitr": "break iterators, ubrk_* (Qt segments text with its own Unicode tables)",
    "curr": "currency names, unum/udat formatting (QLocale has its own CLDR tables)",
    "lang": "language names, uloc_getDisplayName* (QLocale has its own)",
    "region": "territory names, uloc_getDisplayCountry (QLocale has its own)",
    "unit": "measurement unit names, MeasureFormat",
    "translit": "transliterators, utrans_*",
    "rbnf": "rule-based number spelling, unum with UNUM_SPELLOUT",
    # Time zone names in each language: only QTimeZone::displayName() (and the "tttt" date
    # format) asks ICU for them, and the app uses neither. The tree's root stays (see
    # _KEPT_LOCALE_ITEMS), so ICU answers with the offset ("GMT+01:00") instead of
    # "Mitteleuropäische Normalzeit", not with nothing.
    "zone": "time zone names, ucal_getTimeZoneDisplayName",
}
# Top-level items that only ICU functions Qt never calls read.
UNREAD_ITEMS = {
    "unames.icu": "character names, u_charName",
    "confusables.cfu": "spoof checks, uspoof_*",
    "uts46.nrm": "IDNA, uidna_* (Qt does IDNA itself)",
    "uemoji.icu": "emoji properties, u_hasBinaryProperty",
    "ulayout.icu": "layout properties, u_getIntPropertyValue",
    "langInfo.res": "locale matching, LocaleMatcher",
    "plurals.res": "plural rules, upluralrules_*",
    "pluralRanges.res": "plural ranges, upluralrules_*",
    "dayPeriods.res": "day periods, udat with 'B'",
    "units.res": "unit conversion, UnitsConverter",
    "genderList.res": "list gender, GenderInfo",
    "grammaticalFeatures.res": "grammatical features, MeasureFormat",
    "currencyNumericCodes.res": "currency codes, ucurr_getNumericCode",
}
# Locale data (icudtNNl/de.res, icudtNNl/pt_BR.res, ...): date and number patterns for
# udat/unum, and the calendar data ucal_open looks up for the time zone names above; root.res,
# res_index.res and pool.res stay as ICU's fallback anchors. Converters (*.cnv), normalization
# (*.nrm), aliases and the supplemental, likely-subtags and time zone rule data stay too.
_LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
_KEPT_LOCALE_ITEMS = {"root.res", "res_index.res", "pool.res"}  # also in the zone tree
_STRINGPREP_ITEM = re.compile(r"^rfc\d+\w*\.spp$")  # usprep_* (StringPrep profiles)

_ALIGN = 16  # ICU aligns every item of a common data package to 16 bytes
_PADDING = b"\xaa"  # and fills the gaps with 0xAA (icupkg): the same bytes for the same items


@dataclass(frozen=True)
class Package:
    """An ICU common data package: its header (copied as it is) and its named items, in order."""

    header: bytes
    items: list[tuple[str, bytes]]

    def size(self) -> int:
        return len(pack(self))


def is_unread(name: str) -> bool:
    """True for a package item (``icudt73l/zone/de.res``) that Qt never asks ICU for."""
    parts = name.split("/")
    if len(parts) > 2:
        anchor = parts[1] == "zone" and parts[-1] in _KEPT_LOCALE_ITEMS
        return parts[1] in UNREAD_TREES and not anchor
    leaf = parts[-1]
    if leaf in UNREAD_ITEMS or _STRINGPREP_ITEM.match(leaf):
        return True
    return bool(_LOCALE_ITEM.match(leaf)) and leaf not in _KEPT_LOCALE_ITEMS


# --- reading the library --------------------------------------------------------------------


def _data_symbol(elf: bytes) -> tuple[str, int, int]:
    """Name, file offset and size of the ``icudtNN_dat`` array in an ELF64 little-endian file."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff = struct.unpack_from("<Q", elf, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", elf, shoff + index * shentsize) for index in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link]
        for start in range(offset, offset + size, entsize):
            st_name, _st_info, _other, st_shndx, st_value, st_size = struct.unpack_from(
                "<IBBHQQ", elf, start
            )
            first = strings[4] + st_name
            symbol = elf[first : elf.index(b"\0", first)].decode()
            if re.fullmatch(r"icudt\d+_dat", symbol) and st_shndx != 0:
                home = sections[st_shndx]
                return symbol, home[4] + st_value - home[3], st_size
    raise ValueError("no icudtNN_dat symbol: not an ICU data library")


def unpack(blob: bytes) -> Package:
    """Split a common data package (``CmnD``) into its header and named items."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * index) for index in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name_start = toc + name_offset
        name = blob[name_start : blob.index(b"\0", name_start)].decode("ascii")
        end = toc + entries[index + 1][1] if index + 1 < count else len(blob)
        items.append((name, blob[toc + data_offset : end]))
    return Package(blob[:header_size], items)


def pack(package: Package) -> bytes:
    """The package as ICU reads it: header, count, (name, data) offsets from the table, names,
    then each item on a 16-byte boundary; the order (sorted by name) is kept for ICU's binary
    search."""
    count = len(package.items)
    table_size = 4 + 8 * count
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in package.items)
    name_offsets, position = [], table_size
    for name, _data in package.items:
        name_offsets.append(position)
        position += len(name) + 1
    data_offsets = []
    body = bytearray()
    first_data = _aligned(len(package.header) + table_size + len(names)) - len(package.header)
    for _name, data in package.items:
        body += _PADDING * (_aligned(first_data + len(body)) - first_data - len(body))
        data_offsets.append(first_data + len(body))
        body += data
    table = struct.pack("<I", count) + b"".join(
        struct.pack("<II", name_offset, data_offset)
        for name_offset, data_offset in zip(name_offsets, data_offsets, strict=True)
    )
    head = package.header + table + names
    return head + _PADDING * (len(package.header) + first_data - len(head)) + bytes(body)


def _aligned(offset: int) -> int:
    return (offset + _ALIGN - 1) // _ALIGN * _ALIGN


def read_library(library: Path) -> tuple[str, Package]:
    """The data symbol's name and the package inside an ICU data library."""
    elf = library.read_bytes()
    symbol, offset, size = _data_symbol(elf)
    return symbol, unpack(elf[offset : offset + size])


# --- writing the library --------------------------------------------------------------------


def write_library(package: Package, symbol: str, soname: str, target: Path) -> None:
    """Build a shared library that exports ``symbol`` holding ``package`` (needs binutils)."""
    assembler, linker = shutil.which("as"), shutil.which("ld")
    if assembler is None or linker is None:
        raise RuntimeError("binutils (as, ld) are needed to build the trimmed ICU data library")
    with tempfile.TemporaryDirectory(prefix="icu-data-") as scratch:
        folder = Path(scratch)
        (folder / "data.bin").write_bytes(pack(package))
        (folder / "data.s").write_text(
            f"\t.section .rodata\n\t.balign {_ALIGN}\n\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n{symbol}:\n"
            f'\t.incbin "{folder / "data.bin"}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(
            [assembler, "-o", str(folder / "data.o"), str(folder / "data.s")], check=True
        )
        link = [linker, "-shared", "-soname", soname, "-z", "noexecstack", "-s", "-o", str(target)]
        subprocess.run([*link, str(folder / "data.o")], check=True)


def trimmed_icu_data(
    library: Path, target: Path, keep: Callable[[str], bool] = lambda name: not is_unread(name)
) -> tuple[int, int]:
    """Write ``library`` without the items Qt never reads to ``target``; (items kept, dropped).

    ``target`` gets the original's file name and soname, so libicuuc links to it unchanged.
    """
    symbol, package = read_library(library)
    kept = [item for item in package.items if keep(item[0])]
    write_library(Package(package.header, kept), symbol, library.name, target)
    return len(kept), len(package.items) - len(kept)


def _summary(names: Iterable[tuple[str, int]]) -> dict[str, tuple[int, int]]:
    totals: dict[str, tuple[int, int]] = {}
    for name, size in names:
        parts = name.split("/")
        key = parts[1] if len(parts) > 2 else "(top level)"
        count, total = totals.get(key, (0, 0))
        totals[key] = (count + 1, total + size)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("library", type=Path, help="an ICU data library (libicudata.so.NN)")
    parser.add_argument("-o", "--output", type=Path, help="write the trimmed library here")
    parser.add_argument("--list-dropped", action="store_true", help="name every dropped item")
    args = parser.parse_args(argv)
    _symbol, package = read_library(args.library)
    dropped = [(name, len(data)) for name, data in package.items if is_unread(name)]
    for key, (count, total) in sorted(_summary(dropped).items()):
        print(f"drop {key:12} {count:5d} items {total / 1e6:6.2f} MB")
    if args.list_dropped:
        print("\n".join(name for name, _size in dropped))
    if args.output:
        kept, gone = trimmed_icu_data(args.library, args.output)
        print(f"{args.output}: {kept} items kept, {gone} dropped, {args.output.stat().st_size} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
