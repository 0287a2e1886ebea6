"""Electronic receipts (レセ電, ``.UKE``): record specs as data, a streaming reader, one writer,
``uke-check`` and ``uke-patch``. See ``docs/uke.md``.

- :mod:`.fields` — field and record specs (名称, mode, bytes, fixed) and the one encoder/checker of a field;
- :mod:`.specs` — the 医科 / 歯科 / 調剤 records this library reads or writes;
- :mod:`.reader` / :mod:`.writer` — bytes in, bytes out, byte-identical for unchanged records;
- :mod:`.build` — HO, SN and CO from a resolution;
- :mod:`.check` / :mod:`.patch` — the two commands' engines;
- :mod:`.options` — the format facts that could not be confirmed, as options.
"""

from rezept_fusho.uke.check import CheckStats, iter_problems
from rezept_fusho.uke.options import UkeOptions
from rezept_fusho.uke.patch import load_resolutions, patch_file
from rezept_fusho.uke.problems import Problem, UkeError, UkeReadError
from rezept_fusho.uke.reader import UkeReader

__all__ = [
    "CheckStats",
    "Problem",
    "UkeError",
    "UkeOptions",
    "UkeReadError",
    "UkeReader",
    "iter_problems",
    "load_resolutions",
    "patch_file",
]
