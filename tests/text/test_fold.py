"""Folding identifiers: full-width digits → ASCII, spaces dropped; other Unicode digits left alone."""

from __future__ import annotations

from rezept_fusho.text.fold import fold_digits


def test_fold_digits() -> None:
    assert fold_digits("０１２３４５６７８９") == "0123456789"
    assert fold_digits("０１１３ ００１２") == "01130012"
    assert fold_digits("01\u300013\t00") == "011300"


def test_keep_spaces() -> None:
    assert fold_digits("０１ ２", drop_spaces=False) == "01 2"


def test_other_digits_untouched() -> None:
    assert fold_digits("٠١٢") == "٠١٢"
    assert fold_digits("²") == "²"
    assert fold_digits("ＡＢ") == "ＡＢ"
