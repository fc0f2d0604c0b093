#!/usr/bin/env python3
"""The .iconset -> .icns step of TokenDesk.app, with Linux tools (tests/packaging/macos-bundle-test.sh).

  icns.py pack ICONSET_DIR OUT.icns   every icon_<W>x<H>[@2x].png of an .iconset into an .icns, PNG data, one
                                      entry a name, with the OSType each size has (as iconutil reads a set)
  icns.py list FILE.icns              one "TYPE WIDTHxHEIGHT BYTES" line an entry; fails on a malformed container,
                                      an entry that is not a PNG, or a PNG whose size is not its type's

The container: 'icns', the file length (big-endian), then entries of type (4 bytes), length (8 + data, big-endian)
and data. On macOS iconutil makes the .icns; it may store the 1x 16 and 32 px images as ARGB (ic04, ic05) where
this writes PNG (icp4, icp5).
"""
import os
import re
import struct
import sys

# iconset name -> (OSType, pixels)
TYPES = {
    "16x16": ("icp4", 16),
    "16x16@2x": ("ic11", 32),
    "32x32": ("icp5", 32),
    "32x32@2x": ("ic12", 64),
    "128x128": ("ic07", 128),
    "128x128@2x": ("ic13", 256),
    "256x256": ("ic08", 256),
    "256x256@2x": ("ic14", 512),
    "512x512": ("ic09", 512),
    "512x512@2x": ("ic10", 1024),
}
PIXELS = {ostype: px for ostype, px in TYPES.values()}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def fail(message):
    print(f"icns.py: {message}", file=sys.stderr)
    sys.exit(1)


def png_size(data, what):
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        fail(f"{what} is not a PNG")
    return struct.unpack(">II", data[16:24])


def pack(iconset, out):
    entries = []
    for name in sorted(os.listdir(iconset)):
        m = re.fullmatch(r"icon_(\d+x\d+(?:@2x)?)\.png", name)
        if not m or m.group(1) not in TYPES:
            fail(f"{iconset}/{name}: not a name of an .iconset (icon_16x16.png … icon_512x512@2x.png)")
        ostype, px = TYPES[m.group(1)]
        with open(os.path.join(iconset, name), "rb") as f:
            data = f.read()
        w, h = png_size(data, name)
        if (w, h) != (px, px):
            fail(f"{name} is {w}x{h}, an .iconset wants {px}x{px}")
        entries.append(ostype.encode() + struct.pack(">I", 8 + len(data)) + data)
    if not entries:
        fail(f"{iconset} holds no icon")
    body = b"".join(entries)
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def list_entries(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8 or data[:4] != b"icns":
        fail(f"{path} does not start with 'icns'")
    (length,) = struct.unpack(">I", data[4:8])
    if length != len(data):
        fail(f"{path}: the header says {length} bytes, the file has {len(data)}")
    pos = 8
    while pos < len(data):
        if pos + 8 > len(data):
            fail(f"{path}: truncated entry header at byte {pos}")
        ostype = data[pos:pos + 4].decode("latin-1")
        (size,) = struct.unpack(">I", data[pos + 4:pos + 8])
        if size < 8 or pos + size > len(data):
            fail(f"{path}: entry '{ostype}' at byte {pos} has a bad length {size}")
        payload = data[pos + 8:pos + size]
        w, h = png_size(payload, f"entry '{ostype}'")
        if ostype in PIXELS and (w, h) != (PIXELS[ostype], PIXELS[ostype]):
            fail(f"entry '{ostype}' is {w}x{h}, the type means {PIXELS[ostype]}x{PIXELS[ostype]}")
        print(f"{ostype} {w}x{h} {len(payload)}")
        pos += size


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "pack":
        pack(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "list":
        list_entries(sys.argv[2])
    else:
        fail("usage: icns.py pack ICONSET_DIR OUT.icns | icns.py list FILE.icns")
