"""The guide's print stylesheet: one A4 page, Japanese fonts first (fonts-noto-cjk on Debian)."""

from __future__ import annotations

CSS = """
@page { size: A4; margin: 9mm 10mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
  font-size: 8.4pt; line-height: 1.32; color: #111; width: 190mm; margin: 0 auto;
}
h1 { font-size: 13.5pt; margin: 0 0 1mm; border-bottom: 2px solid #1f4e79; padding-bottom: 1mm; }
h1 small { font-size: 8.5pt; font-weight: normal; color: #444; margin-left: 2mm; }
h2 { font-size: 9.6pt; margin: 2mm 0 1mm; color: #fff; background: #1f4e79; padding: 0.6mm 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #999; padding: 0.7mm 1.4mm; vertical-align: top; text-align: left; }
th { background: #e8eef5; font-weight: bold; }
.cases td:first-child { width: 58%; }
td.code { font-weight: bold; color: #1f4e79; }
.chip { display: inline-block; border: 0.6pt solid #1f4e79; border-radius: 1mm; padding: 0 1mm; margin: 0.2mm 0.6mm 0.2mm 0; font-weight: bold; color: #1f4e79; }
.methods td:first-child { width: 9mm; text-align: center; }
.methods td.basis { width: 56mm; }
.cols { display: flex; gap: 3mm; }
.cols > section { flex: 1 1 0; }
ul, ol { margin: 0; padding-left: 4.5mm; }
p { margin: 0.6mm 0; }
li { margin: 0.2mm 0; }
.pay { font-size: 10pt; font-weight: bold; }
.warn { border: 1pt solid #b00020; color: #b00020; padding: 0.8mm 1.5mm; margin: 1mm 0; }
footer { margin-top: 1.5mm; font-size: 5.6pt; color: #444; border-top: 0.6pt solid #999; padding-top: 0.8mm; }
footer .ids { word-break: break-all; }
"""
