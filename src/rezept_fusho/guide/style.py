"""The guide's stylesheet: fluid on a screen (down to a phone), one A4 page in print; Japanese fonts first.

Screen sizes are in rem and em so the page follows the reader's font size;
print sizes are in pt and mm so the page fits A4 (``fonts-noto-cjk`` on Debian).
"""

from __future__ import annotations

CSS = """
@page { size: A4; margin: 6mm 7mm; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
  font-size: 1rem; line-height: 1.5; color: #111; max-width: 64rem; margin: 0 auto; padding: 0.75rem;
  overflow-wrap: anywhere;
}
h1 { font-size: 1.45rem; margin: 0 0 0.4rem; border-bottom: 3px solid #1f4e79; padding-bottom: 0.2rem; }
h1 small { display: inline-block; font-size: 0.9rem; font-weight: normal; color: #444; margin-left: 0.5rem; }
h2 {
  font-size: 1.05rem; margin: 0.9rem 0 0.35rem; color: #fff; background: #1f4e79; padding: 0.15rem 0.5rem;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
h3 { font-size: 0.95rem; margin: 0.3rem 0 0.1rem; color: #1f4e79; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
th { background: #e8eef5; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.cases td:first-child { width: 31%; }
.m { color: #1f4e79; font-weight: bold; }
.n { color: #1f4e79; margin-right: 0.1em; }
.item { margin-right: 0.9em; }
.case + .case { border-top: 1px dotted #999; }
ul, ol { margin: 0.2rem 0; padding-left: 1.3rem; }
p { margin: 0.25rem 0; }
.notes { padding-left: 1.1rem; }
.howto { columns: 2 22rem; column-gap: 1.5rem; }
.howto .group { break-inside: avoid; }
.cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); column-gap: 1rem; }
.pay { font-weight: bold; font-size: 1.05rem; }
.items { columns: 2 9rem; column-gap: 1rem; }
.warn { border: 1px solid #b00020; color: #b00020; padding: 0.15rem 0.4rem; }
.billing { border: 2px solid #1f4e79; padding: 0 0.5rem 0.3rem; margin-top: 0.9rem; }
.billing h2 { margin: 0 -0.5rem 0.35rem; }
.later { color: #777; }
.fusho th { width: 7.5em; font-weight: bold; }
a.url { color: inherit; }
@media (max-width: 40rem) {
  /* a phone: each case above its methods, no side-by-side columns */
  .cases, .cases tbody, .cases tr, .cases td { display: block; width: auto; }
  .cases tr:first-child { display: none; }
  .cases tr { border: 1px solid #999; border-top: 0; }
  .cases td { border: 0; }
  .cases td:first-child { width: auto; background: #e8eef5; font-weight: bold; }
  .cases .item { display: block; margin-right: 0; }
}
footer { margin-top: 0.6rem; font-size: 0.85rem; color: #333; border-top: 1px solid #999; }
footer .ids { font-size: 0.8rem; color: #555; }
@media print {
  body { font-size: 7.6pt; line-height: 1.32; max-width: none; padding: 0; }
  h1 { font-size: 12.5pt; border-bottom-width: 2pt; }
  h1 small { font-size: 8.5pt; }
  h2 { font-size: 9pt; margin: 1.6mm 0 0.8mm; padding: 0.3mm 1.8mm; }
  h3 { font-size: 8pt; margin: 0.6mm 0 0; }
  th, td { border-width: 0.6pt; padding: 0.35mm 1.2mm; }
  ul, ol { margin: 0.4mm 0; padding-left: 4.2mm; }
  p { margin: 0.4mm 0; }
  .pay { font-size: 8.6pt; }
  .howto { columns: 2; column-gap: 5mm; }
  .cols { grid-template-columns: 1fr 1fr; column-gap: 4mm; }
  .billing { border-width: 1pt; padding: 0 1.5mm 1mm; margin-top: 1.6mm; }
  .billing h2 { margin: 0 -1.5mm 0.8mm; }
  footer { font-size: 6.8pt; margin-top: 1.2mm; }
  details { display: none; }
}
"""
