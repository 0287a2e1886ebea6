"""受付ナビ: the HTML pages ``rezept-fusho serve`` answers at ``/`` (受付) and ``/declaration`` (申立書入力).

Server-rendered forms that work without JavaScript; ``static/reception.js``
adds checking as the 申立書 is typed (through ``POST /v1/declaration-check``),
the date of today, the token prompt and the copy button. Every answer comes
from :mod:`rezept_fusho.api`; this package only renders it. See
:func:`rezept_fusho.server.pages.routes.register`.
"""
