"""Hypothesis profiles: ``dev`` (default, quick) and ``ci`` (more examples, derandomized).

Select with HYPOTHESIS_PROFILE=ci; .ci/run does. And SIGINT as a terminal gives it.
"""

from __future__ import annotations

import os
import signal

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# A suite started in the background (`pytest &`) inherits SIGINT ignored, and so would every CLI it
# starts; the interrupt tests play a user's Ctrl-C, so the children must get SIGINT's default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
