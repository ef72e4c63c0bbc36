"""Pass a program's output through, without the libraries' Python warnings.

Rasa's command line installs its own warning filters, so ``PYTHONWARNINGS``
does not keep the warnings of TensorFlow, pkg_resources, Click or pyparsing
off the terminal. This filter drops each warning (its ``file.py:N: XWarning:``
line, continuation lines and the quoted source line) and a few known noisy
lines, and copies everything else at once, progress bars included: output is
split at both ``\\n`` and ``\\r``, so a bar redrawn in place stays live.

    rasa train ... 2>&1 | python scripts/quiet_output.py [--log var/train.log]
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import BinaryIO, Iterator, Optional, Tuple

#: "file.py:12: DeprecationWarning: ..." and "<frozen importlib._bootstrap>:283: DeprecationWarning: ..."
WARNING = re.compile(rb"^(?:\S+\.py|<frozen [\w.]+>):\d+: \w*Warning: ")
NOISE = re.compile(rb"running without any HTTP authentication|SANIC_VERSION|oneDNN|cuda|TensorFlow binary")
#: a warning's message may run over a few lines before its indented source line
MAX_CONTINUATION = 4


def pieces(stream: BinaryIO) -> Iterator[Tuple[bytes, bytes]]:
    """(text, terminator) for every piece of output ending in ``\\n`` or ``\\r``."""
    pending = b""
    while chunk := stream.read1(4096) if hasattr(stream, "read1") else stream.read(4096):
        pending += chunk
        while (end := _first_end(pending)) is not None:
            yield pending[:end], pending[end:end + 1]
            pending = pending[end + 1:]
    if pending:
        yield pending, b""


def _first_end(data: bytes) -> Optional[int]:
    ends = [index for index in (data.find(b"\n"), data.find(b"\r")) if index >= 0]
    return min(ends) if ends else None


def filter_stream(source: BinaryIO, target: BinaryIO, log: Optional[BinaryIO] = None) -> None:
    """Copy ``source`` to ``target`` without warnings; everything also goes to ``log``."""
    skipping = 0
    for text, end in pieces(source):
        if log is not None:
            log.write(text + end)
        if WARNING.match(text):
            skipping = MAX_CONTINUATION
            continue
        if skipping:
            skipping = 0 if text[:1].isspace() else skipping - 1
            continue
        if NOISE.search(text):
            continue
        target.write(text + end)
        target.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", help="also write the whole, unfiltered output here")
    args = parser.parse_args()
    log = open(args.log, "wb") if args.log else None
    try:
        filter_stream(sys.stdin.buffer, sys.stdout.buffer, log)
    finally:
        if log is not None:
            log.close()


if __name__ == "__main__":
    main()
